import { useTranslation } from 'react-i18next';
import type { Insight, InsightFigure } from '@spreekkamer/shared';
import { Heading } from '../../components/Heading.js';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { useInsight, type InsightScope } from './api.js';
import { InsightChart } from './InsightChart.js';
import { InsightTable } from './InsightTable.js';
import { monthName, showsAnything } from './model.js';
import './insight.css';

function FigureSection({ figure, k }: { figure: InsightFigure; k: number }) {
  const { t } = useTranslation();
  const title = t(`insight.figures.${figure.id}.title`);
  const id = `insight-${figure.id}`;
  const anything = showsAnything(figure);
  return (
    <section aria-labelledby={id} className="sk-insight__figure-section" data-testid="insight-figure">
      <Heading level={2} id={id}>
        {title}
      </Heading>
      <Paragraph small>{t(`insight.figures.${figure.id}.description`, { count: k })}</Paragraph>
      {anything ? <InsightChart figure={figure} /> : <Paragraph>{t('insight.nothingShown')}</Paragraph>}
      <div className="sk-insight__table">
        <InsightTable figure={figure} caption={title} />
      </div>
    </section>
  );
}

function Figures({ insight }: { insight: Insight }) {
  const { t, i18n } = useTranslation();
  const first = insight.months[0];
  const last = insight.months.at(-1);
  const countable = insight.figures.filter((figure) => figure.kind !== 'scores');
  if (countable.every((figure) => figure.rows.length === 0)) return <Paragraph>{t('insight.noTeams')}</Paragraph>;
  return (
    <>
      {first && last ? <Paragraph>{t('insight.months', { from: monthName(first, i18n.language), to: monthName(last, i18n.language) })}</Paragraph> : null}
      <Paragraph>{t('insight.hiddenExplained', { count: insight.minimumGroupSize })}</Paragraph>
      {insight.figures.map((figure) => (
        <FigureSection key={figure.id} figure={figure} k={insight.minimumGroupSize} />
      ))}
    </>
  );
}

/** /inzicht/teams (team lead) and /inzicht/organisatie (policy advisor): every figure as a chart with its table. */
export function InsightPage({ scope }: { scope: InsightScope }) {
  const { t } = useTranslation();
  const insight = useInsight(scope);
  const title = scope === 'teams' ? t('insight.teamsTitle') : t('insight.organisationTitle');
  return (
    <Page title={title} intro={t('insight.intro')}>
      <QueryStatus query={insight} />
      {insight.data ? <Figures insight={insight.data} /> : null}
      <Paragraph small>{t('insight.never')}</Paragraph>
    </Page>
  );
}

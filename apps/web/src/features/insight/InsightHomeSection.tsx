import { useTranslation } from 'react-i18next';
import { Heading } from '../../components/Heading.js';
import { Link } from '../../components/Links.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { insightPaths, useInsight, type InsightScope } from './api.js';
import { InsightValue } from './HiddenValue.js';
import { chartRows, monthName } from './model.js';
import './insight.css';

/**
 * On the home page of a team lead or policy advisor: the last closed month of each monthly figure,
 * read from the same answer as the insight page, and the way there. No chart here: Observable Plot
 * is loaded by the insight page only.
 */
export function InsightHomeSection({ scope }: { scope: InsightScope }) {
  const { t, i18n } = useTranslation();
  const insight = useInsight(scope);
  const data = insight.data;
  const month = data?.months.at(-1);
  const monthly = data?.figures.filter((figure) => figure.kind === 'monthly') ?? [];
  const rows = monthly[0] ? chartRows(monthly[0]) : [];
  return (
    <>
      <QueryStatus query={insight} />
      {data && month && rows.length === 0 ? <Paragraph>{t('insight.noTeams')}</Paragraph> : null}
      {data && month
        ? rows.map((row) => (
            <section key={row.id} aria-label={row.name} data-testid="insight-group">
              <Heading level={3}>{`${row.name}: ${t('insight.homeLastMonth', { month: monthName(month, i18n.language) })}`}</Heading>
              <dl className="sk-insight__figures">
                {monthly.map((figure) => (
                  <div key={figure.id} className="sk-insight__figure">
                    <dt>{t(`insight.figures.${figure.id}.title`)}</dt>
                    <dd>
                      <InsightValue value={figure.rows.find((candidate) => candidate.id === row.id)?.cells.at(-1)} />
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))
        : null}
      {data ? <Paragraph small>{t('insight.hiddenExplained', { count: data.minimumGroupSize })}</Paragraph> : null}
      <Paragraph>
        <Link to={insightPaths[scope]}>{t('insight.toPage')}</Link>
      </Paragraph>
    </>
  );
}

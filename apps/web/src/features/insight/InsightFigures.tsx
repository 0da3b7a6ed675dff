import { useTranslation } from 'react-i18next';
import { insightMetrics, type Insight } from '@spreekkamer/shared';
import { Heading } from '../../components/Heading.js';
import { Paragraph } from '../../components/Paragraph.js';
import { formatDay, formatNumber } from '../../lib/format.js';
import './insight.css';

/**
 * The figures of each group (a team, or the organisation) as a definition list. A suppressed figure
 * says why instead of a number: fewer people than the minimum group size took part.
 */
export function InsightFigures({ insight, headingLevel }: { insight: Insight; headingLevel: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const k = insight.minimumGroupSize;
  return (
    <div className="sk-insight">
      <Paragraph small>{t('insight.period', { from: formatDay(insight.from, i18n.language), to: formatDay(insight.to, i18n.language) })}</Paragraph>
      {insight.groups.length === 0 ? <Paragraph>{t('insight.noTeams')}</Paragraph> : null}
      {insight.groups.map((group) => (
        <section key={group.id} aria-label={group.name} data-testid="insight-group">
          <Heading level={headingLevel}>{group.name}</Heading>
          {group.enoughPeople ? (
            <dl className="sk-insight__figures">
              {insightMetrics.map((metric) => {
                const value = group.figures[metric];
                return (
                  <div key={metric} className="sk-insight__figure">
                    <dt>{t(`insight.metrics.${metric}`)}</dt>
                    <dd>{value === null || value === undefined ? t('insight.suppressed', { count: k }) : formatNumber(value, i18n.language)}</dd>
                  </div>
                );
              })}
            </dl>
          ) : (
            <Paragraph>{t('insight.tooSmall', { count: k })}</Paragraph>
          )}
        </section>
      ))}
      <Paragraph small>{t('insight.howCounted', { count: k })}</Paragraph>
    </div>
  );
}

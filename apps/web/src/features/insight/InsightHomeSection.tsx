import { useTranslation } from 'react-i18next';
import { Link } from '../../components/Links.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { insightPaths, useInsight, type InsightScope } from './api.js';
import { InsightFigures } from './InsightFigures.js';

/** On the home page of a team lead or policy advisor: the figures of the insight page itself, and the way there. */
export function InsightHomeSection({ scope }: { scope: InsightScope }) {
  const { t } = useTranslation();
  const insight = useInsight(scope);
  return (
    <>
      <QueryStatus query={insight} />
      {insight.data ? <InsightFigures insight={insight.data} headingLevel={3} /> : null}
      <Paragraph>
        <Link to={insightPaths[scope]}>{t('insight.toPage')}</Link>
      </Paragraph>
    </>
  );
}

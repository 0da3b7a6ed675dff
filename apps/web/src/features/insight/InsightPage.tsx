import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { useInsight, type InsightScope } from './api.js';
import { InsightFigures } from './InsightFigures.js';

/** /inzicht/teams (team lead) and /inzicht/organisatie (policy advisor): the same figures as the home card, with what they mean. */
export function InsightPage({ scope }: { scope: InsightScope }) {
  const { t } = useTranslation();
  const insight = useInsight(scope);
  const title = scope === 'teams' ? t('insight.teamsTitle') : t('insight.organisationTitle');
  return (
    <Page title={title} intro={t('insight.intro')}>
      <QueryStatus query={insight} />
      {insight.data ? <InsightFigures insight={insight.data} headingLevel={2} /> : null}
      <Paragraph small>{t('insight.never')}</Paragraph>
    </Page>
  );
}

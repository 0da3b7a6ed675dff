import { useTranslation } from 'react-i18next';
import { Heading } from '../../components/Heading.js';
import { Paragraph } from '../../components/Paragraph.js';
import { QueryStatus } from '../../components/QueryState.js';
import { useAgendaOverview } from './api.js';
import { TeamSummaries } from './parts.js';
import './team-agenda.css';

/** Home card part for members and team leads: new items and the next werkoverleg per team. */
export function TeamAgendaHomeSection() {
  const { t } = useTranslation();
  const overview = useAgendaOverview();
  return (
    <section aria-labelledby="home-team-agenda">
      <Heading level={3} id="home-team-agenda">
        {t('teamAgenda.home.title')}
      </Heading>
      <QueryStatus query={overview} loadingLabel={t('teamAgenda.loading')} />
      {overview.data ? (
        overview.data.teams.length === 0 ? (
          <Paragraph>{t('teamAgenda.noTeams')}</Paragraph>
        ) : (
          <>
            <Paragraph>{t('teamAgenda.home.text')}</Paragraph>
            <TeamSummaries teams={overview.data.teams} />
          </>
        )
      ) : null}
    </section>
  );
}

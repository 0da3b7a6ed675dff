import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type ClientSessionResponse, contract } from '@spreekkamer/shared';
import { QueryStatus } from '../../components/QueryState.js';
import { endClientSession } from '../../api/client-session.js';
import { ClientButton, ClientShell } from '../../components/client/index.js';
import { formatDay } from '../../lib/format.js';
import { Pictogram, type PictogramName } from '../../components/icons/Pictogram.js';
import { RequireClient } from './RequireClient.js';
import { ClientEraseWords } from '../feedback/ClientEraseWords.js';
import { ExplainerLink } from '../../features/explainer/ExplainerLink.js';
import { ClientFeedbackTasks } from '../feedback/ClientFeedbackTasks.js';
import { useClientFeedbackOverview } from '../feedback/api.js';
import { ClientTalksLink } from '../reviews/ClientTalksLink.js';
import { call } from '../../api/client.js';

export const clientHomeKey = ['client', 'home'] as const;

export function ClientHomePage() {
  return <RequireClient>{(session) => <ClientHome session={session} />}</RequireClient>;
}

const statusIcon: Record<'given' | 'declined' | 'withdrawn', PictogramName> = { given: 'check', declined: 'noRecording', withdrawn: 'trash' };

/** What waits for the client (a question to answer), and their agreements with copies and a way to stop. */
function ClientHome({ session }: { session: ClientSessionResponse }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [finished, setFinished] = useState(false);
  const home = useQuery({ queryKey: clientHomeKey, queryFn: () => call(contract.clientConsent.home) });
  // The same query the feedback tasks below use, so "nothing for you" is only said when that is true.
  const overview = useClientFeedbackOverview();
  const openTasks = overview.data
    ? overview.data.allianceChecks.length + overview.data.conversations.filter((c) => c.status !== 'completed').length + overview.data.followUps.filter((f) => !f.read).length
    : null;

  async function finish() {
    await endClientSession(queryClient);
    // On the professional's device the professional carries on; on the client's own device we say goodbye.
    if (session.via === 'tablet') await navigate('/', { replace: true });
    else setFinished(true);
  }

  if (finished) {
    return (
      <ClientShell documentTitle={t('consent.home.finishedTitle')}>
        <h1 tabIndex={-1}>{t('consent.home.finishedTitle')}</h1>
        <div className="sk-client-note">
          <Pictogram name="check" />
          <p>{t('consent.home.finishedText')}</p>
        </div>
      </ClientShell>
    );
  }

  return (
    <ClientShell documentTitle={t('consent.home.documentTitle')} organisationName={session.organisationName}>
      <h1 tabIndex={-1}>{t('consent.home.title')}</h1>
      <QueryStatus query={home} loadingLabel={t('clientKit.busy')} />
      {home.data ? (
        <>
          <p>{t('consent.home.intro', { professional: home.data.professionalName })}</p>
          <ExplainerLink returnTo="/klant" />
          {home.data.waiting.length > 0 ? <h2>{t('consent.home.waitingTitle')}</h2> : openTasks === 0 ? <p>{t('consent.home.nothingWaiting')}</p> : null}
          <ul className="sk-client-list">
            {home.data.waiting.map((item) => (
              <li key={item.conversationId} className="sk-client-card">
                <div className="sk-client-card__status">
                  <Pictogram name="video" size={36} />
                  <span>{t('consent.home.waitingItem', { date: formatDay(item.heldOn, i18n.language) })}</span>
                </div>
                <Link className="sk-client-button sk-client-button--primary" to={`/klant/toestemming/${item.conversationId}`}>
                  <Pictogram name="arrowRight" size={28} className="sk-flip-rtl" />
                  <span>{t('consent.home.waitingAction')}</span>
                </Link>
              </li>
            ))}
          </ul>
          <ClientFeedbackTasks />
          <ClientTalksLink />
          <h2>{t('consent.home.agreementsTitle')}</h2>
          {home.data.consents.length === 0 ? <p>{t('consent.home.noAgreements')}</p> : null}
          <ul className="sk-client-list">
            {home.data.consents.map((consent) => (
              <li key={consent.id} className="sk-client-card">
                <h3 className="sk-client-card__title">{t('consent.flow.conversation', { date: formatDay(consent.heldOn, i18n.language) })}</h3>
                <div className="sk-client-card__status">
                  <Pictogram name={statusIcon[consent.status]} size={36} />
                  <span>
                    {consent.status === 'given'
                      ? t('consent.home.given', { media: t(`consent.media.${consent.media}`) })
                      : consent.status === 'declined'
                        ? t('consent.home.declined')
                        : t('consent.home.withdrawn', { date: formatDay(consent.withdrawnAt ?? consent.givenAt, i18n.language) })}
                  </span>
                </div>
                <div className="sk-client-actions">
                  <Link className="sk-client-button sk-client-button--secondary" to={`/klant/kopie/${consent.id}`}>
                    <Pictogram name="paper" size={28} />
                    <span>{t('consent.home.showCopy')}</span>
                  </Link>
                  {consent.status === 'given' && session.via === 'link' ? (
                    <Link className="sk-client-button sk-client-button--secondary" to={`/klant/stoppen/${consent.id}`}>
                      <Pictogram name="trash" size={28} />
                      <span>{t('consent.home.stop')}</span>
                    </Link>
                  ) : null}
                  {consent.status === 'given' && session.via === 'tablet' ? <p>{t('consent.home.stopOwnDevice')}</p> : null}
                </div>
              </li>
            ))}
          </ul>
          {session.via === 'link' ? (
            <Link className="sk-client-button sk-client-button--secondary" to="/klant/mijn-gegevens">
              <Pictogram name="paper" size={28} />
              <span>{t('consent.home.myData')}</span>
            </Link>
          ) : null}
          <ClientEraseWords session={session} />
          <ClientButton appearance="secondary" icon="check" onClick={() => void finish()}>
            {t('consent.home.finish')}
          </ClientButton>
        </>
      ) : null}
    </ClientShell>
  );
}

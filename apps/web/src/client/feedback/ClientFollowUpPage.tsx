import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ClientSessionResponse, contract } from '@spreekkamer/shared';
import { QueryStatus } from '../../components/QueryState.js';
import { ClientShell, directionOf } from '../../components/client/index.js';
import { formatDay } from '../../lib/format.js';
import { Pictogram } from '../../components/icons/Pictogram.js';
import { RequireClient } from '../pages/RequireClient.js';
import { clientFeedbackKeys } from './api.js';
import './feedback-client.css';
import { call } from '../../api/client.js';

/** /klant/terugkoppeling/:id — what the professional learned from the client's feedback and what they changed. */
export function ClientFollowUpPage() {
  const { id = '' } = useParams();
  return <RequireClient>{(session) => <ClientFollowUp session={session} id={id} />}</RequireClient>;
}

function ClientFollowUp({ session, id }: { session: ClientSessionResponse; id: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const followUp = useQuery({ queryKey: clientFeedbackKeys.followUp(id), queryFn: () => call(contract.clientFeedback.followUp, { params: { id } }) });
  const markRead = useMutation({
    mutationFn: () => call(contract.clientFeedback.readFollowUp, { params: { id } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: clientFeedbackKeys.overview }),
  });
  const unread = followUp.data?.read === false;
  const { mutate } = markRead;
  useEffect(() => {
    if (unread) mutate();
  }, [unread, mutate]);

  return (
    <ClientShell documentTitle={t('feedback.followUpClient.documentTitle')} organisationName={session.organisationName}>
      <QueryStatus query={followUp} loadingLabel={t('clientKit.busy')} />
      {followUp.data ? (
        <>
          <div className="sk-step__heading">
            <Pictogram name="speechBubble" size={56} className="sk-step__icon" />
            <h1 tabIndex={-1}>{t('feedback.followUpClient.title', { name: followUp.data.professionalName })}</h1>
          </div>
          <p className="sk-client-hint">{t('feedback.followUpClient.sent', { date: formatDay(followUp.data.sentAt, i18n.language) })}</p>
          {followUp.data.shortVersion ? (
            <p className="sk-feedback-text sk-client-note" lang={followUp.data.shortVersion.locale} dir={directionOf(followUp.data.shortVersion.locale)}>
              {followUp.data.shortVersion.text}
            </p>
          ) : null}
          <h2>
            <Pictogram name="heart" size={32} /> {t('feedback.followUpClient.learned')}
          </h2>
          <p className="sk-feedback-text" lang="nl" dir="auto">
            {followUp.data.learned}
          </p>
          <h2>
            <Pictogram name="sheetNext" size={32} /> {t('feedback.followUpClient.changed')}
          </h2>
          <p className="sk-feedback-text" lang="nl" dir="auto">
            {followUp.data.changed}
          </p>
          <div className="sk-client-actions sk-client-no-print">
            <Link className="sk-client-button sk-client-button--primary" to="/klant">
              <Pictogram name="home" size={28} />
              <span>{t('feedback.prepare.toHome')}</span>
            </Link>
          </div>
        </>
      ) : null}
    </ClientShell>
  );
}

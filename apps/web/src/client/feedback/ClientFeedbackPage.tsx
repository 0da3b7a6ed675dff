import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ClientSessionResponse } from '@spreekkamer/shared';
import { QueryStatus } from '../../components/QueryState.js';
import { ClientShell } from '../../components/client/index.js';
import { RequireClient } from '../pages/RequireClient.js';
import { useClientFeedback } from './api.js';
import { LiveConversation } from './LiveConversation.js';
import { PrepareFlow } from './PrepareFlow.js';
import { ClientSummary } from './ClientSummary.js';
import './feedback-client.css';

/** /klant/samenleergesprek/:id — preparing before, reading along during, the summary after. */
export function ClientFeedbackPage() {
  const { id = '' } = useParams();
  return <RequireClient>{(session) => <ClientFeedbackLoader session={session} id={id} />}</RequireClient>;
}

function ClientFeedbackLoader({ session, id }: { session: ClientSessionResponse; id: string }) {
  const { t } = useTranslation();
  const feedback = useClientFeedback(id, true);
  if (!feedback.data) {
    return (
      <ClientShell documentTitle={t('feedback.prepare.documentTitle')} organisationName={session.organisationName}>
        <QueryStatus query={feedback} loadingLabel={t('clientKit.busy')} />
      </ClientShell>
    );
  }
  const data = feedback.data;
  if (data.status === 'completed') return <ClientSummary session={session} feedback={data} />;
  if (data.status === 'in_progress') return <LiveConversation session={session} feedback={data} />;
  return <PrepareFlow session={session} feedback={data} />;
}

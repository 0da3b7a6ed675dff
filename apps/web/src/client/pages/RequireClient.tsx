import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientSessionResponse } from '@spreekkamer/shared';
import { QueryStatus } from '../../components/QueryState.js';
import { useClientSession } from '../../api/client-session.js';
import { ClientShell } from '../../components/client/index.js';
import { Pictogram } from '../../components/icons/Pictogram.js';

/** Client pages need a client session; without one they say calmly how to get it. */
export function RequireClient({ children }: { children: (session: ClientSessionResponse) => ReactNode }) {
  const { t } = useTranslation();
  const session = useClientSession();
  if (session.isPending || session.error) {
    return (
      <ClientShell documentTitle={t('consent.guard.documentTitle')}>
        <QueryStatus query={session} loadingLabel={t('clientKit.busy')} />
      </ClientShell>
    );
  }
  if (!session.data) {
    return (
      <ClientShell documentTitle={t('consent.guard.documentTitle')}>
        <h1>{t('consent.guard.title')}</h1>
        <div className="sk-client-note">
          <Pictogram name="key" />
          <p>{t('consent.guard.text')}</p>
        </div>
        <p>{t('consent.guard.lost')}</p>
      </ClientShell>
    );
  }
  return <>{children(session.data)}</>;
}

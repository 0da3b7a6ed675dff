import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { hasPermission, type Permission } from '@spreekkamer/shared';
import { Page } from '../../components/Page.js';
import { Paragraph } from '../../components/Paragraph.js';
import { LoadError, LoadingPage } from '../../components/QueryState.js';
import { Link } from '../../components/Links.js';
import { useSession } from './session.js';

export const totpSetupPath = '/tweestapsverificatie';

/** Pages behind this need a logged-in person; an organisation that requires TOTP gets it set up first. */
export function RequireSession() {
  const { data: session, isPending, error, refetch } = useSession();
  const location = useLocation();
  const { t } = useTranslation();

  if (isPending) return <LoadingPage title={t('common.loadingTitle')} />;
  if (error) {
    return (
      <Page title={t('errors.pageTitle')}>
        <LoadError error={error} onRetry={() => void refetch()} />
      </Page>
    );
  }
  if (!session) {
    const back = location.pathname === '/' ? '' : `?terug=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/inloggen${back}`} replace />;
  }
  if (session.mustSetUpTotp && location.pathname !== totpSetupPath) {
    return <Navigate to={totpSetupPath} replace />;
  }
  return <Outlet />;
}

/** Hides a page from people whose roles do not include it; the server refuses anyway. */
export function RequirePermission({ permission }: { permission: Permission }) {
  const { data: session } = useSession();
  const { t } = useTranslation();
  if (session && hasPermission(session.user.roles, permission)) return <Outlet />;
  return (
    <Page title={t('forbidden.title')}>
      <Paragraph>{t('forbidden.text')}</Paragraph>
      <Paragraph>
        <Link to="/">{t('common.toHome')}</Link>
      </Paragraph>
    </Page>
  );
}

/** Only same-site paths, so a crafted link cannot send someone elsewhere after log-in. */
export function safeReturnPath(value: string | null): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}

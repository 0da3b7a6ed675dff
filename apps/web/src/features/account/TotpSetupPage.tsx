import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { Page } from '../../components/Page.js';
import { useSession } from '../auth/session.js';
import { TotpSetup } from './TotpSetup.js';

/** Where people land when their organisation requires TOTP and they have not set it up yet. */
export function TotpSetupPage() {
  const { t } = useTranslation();
  const { data: session } = useSession();
  // Once confirmed the session no longer asks for set-up, and the person continues to the home page.
  if (session && !session.mustSetUpTotp) return <Navigate to={session.user.totpEnabled ? '/' : '/account'} replace />;
  return (
    <Page title={t('totp.requiredTitle')} intro={t('totp.requiredIntro')}>
      <TotpSetup />
    </Page>
  );
}

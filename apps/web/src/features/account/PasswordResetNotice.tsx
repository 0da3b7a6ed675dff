import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionResponse } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { Paragraph } from '../../components/Paragraph.js';

/** Tells the account holder who reset their password and when, so a reset they did not ask for is seen. */
const recentMs = 30 * 86_400_000;

export function PasswordResetNotice({ session, recentOnly = false }: { session: SessionResponse; recentOnly?: boolean }) {
  const { t, i18n } = useTranslation();
  const [shownAt] = useState(() => Date.now());
  const reset = session.passwordReset;
  if (!reset || (recentOnly && shownAt - Date.parse(reset.at) > recentMs)) return null;
  return (
    <Alert type="warning" role="status" className="sk-password-reset-notice">
      <Paragraph>
        {t(reset.approvedByName ? 'account.passwordResetByTwo' : 'account.passwordResetByMail', {
          date: new Date(reset.at).toLocaleString(i18n.language),
          requestedBy: reset.requestedByName ?? t('account.passwordResetYourself'),
          approvedBy: reset.approvedByName ?? '',
        })}
      </Paragraph>
    </Alert>
  );
}

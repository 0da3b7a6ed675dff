import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/button-react';
import { Alert } from '../../components/Alert.js';
import { TextField } from '../../components/fields.js';
import { Heading } from '../../components/Heading.js';
import { Paragraph } from '../../components/Paragraph.js';
import { formatDateTime } from '../../lib/format.js';

export interface InvitationLinkProps {
  name: string;
  invitationPath: string;
  expiresAt: string;
  idPrefix: string;
}

/** The one-time link, ready to copy; Spreekkamer does not send e-mail itself. */
export function InvitationLink({ name, invitationPath, expiresAt, idPrefix }: InvitationLinkProps) {
  const { t, i18n } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const url = new URL(invitationPath, window.location.origin).toString();

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <Alert type="ok" className="sk-invitation-link">
      <Heading level={3}>{t('admin.invitation.title', { name })}</Heading>
      <Paragraph>{t('admin.invitation.text')}</Paragraph>
      <TextField
        id={`${idPrefix}-link`}
        label={t('admin.invitation.link')}
        description={t('admin.invitation.valid', { date: formatDateTime(expiresAt, i18n.language) })}
        value={url}
        readOnly
        onFocus={(event) => event.currentTarget.select()}
        onChange={() => undefined}
      />
      <div className="sk-actions">
        <Button appearance="secondary-action-button" onClick={() => void copy()}>
          {t('admin.invitation.copy')}
        </Button>
        <span role="status" className="sk-copy-status">
          {copied === 'yes' ? t('admin.invitation.copied') : copied === 'failed' ? t('admin.invitation.copyFailed') : ''}
        </span>
      </div>
    </Alert>
  );
}

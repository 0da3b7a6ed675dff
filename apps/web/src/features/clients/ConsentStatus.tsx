import { useTranslation } from 'react-i18next';
import type { ConsentSummary } from '@spreekkamer/shared';
import { StatusBadge, type BadgeStatus } from '../../components/StatusBadge.js';
import { formatDay } from '../../lib/format.js';

/** One short phrase for a conversation's consent, as a badge (text, never colour alone). */
export function ConsentStatus({ consent }: { consent: ConsentSummary | null }) {
  const { t, i18n } = useTranslation();
  let status: BadgeStatus = 'neutral';
  let label = t('clients.status.none');
  if (consent?.status === 'given') {
    const media = t(`clients.media.${consent.media}`);
    status = consent.professionalConfirmed ? 'success' : 'warning';
    label = consent.professionalConfirmed ? t('clients.status.given', { media }) : t('clients.status.waitingForYou', { media });
  } else if (consent?.status === 'declined') {
    status = 'inactive';
    label = t('clients.status.declined');
  } else if (consent?.status === 'withdrawn') {
    status = 'inactive';
    label = t('clients.status.withdrawn', { date: formatDay(consent.withdrawnAt ?? consent.givenAt, i18n.language) });
  }
  return <StatusBadge status={status}>{label}</StatusBadge>;
}

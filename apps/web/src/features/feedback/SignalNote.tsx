import { useTranslation } from 'react-i18next';
import type { AllianceSignal } from '@spreekkamer/shared';
import { Alert } from '../../components/Alert.js';
import { Paragraph } from '../../components/Paragraph.js';
import { formatNumber } from '../../lib/format.js';

/** A quiet signal: only ever shown to the professional themselves, phrased as an invitation to talk. */
export function SignalNote({ signal }: { signal: AllianceSignal }) {
  const { t, i18n } = useTranslation();
  const value = formatNumber(signal.latest, i18n.language);
  const text =
    signal.clientId === null
      ? t('feedback.alliance.signalAnonymous', { value })
      : signal.kind === 'low'
        ? t('feedback.alliance.signalLow', { name: signal.pseudonym ?? '', value })
        : t('feedback.alliance.signalFalling', { name: signal.pseudonym ?? '', value });
  return (
    <Alert type="info" role="status" className="sk-feedback-signal">
      <Paragraph>{text}</Paragraph>
    </Alert>
  );
}

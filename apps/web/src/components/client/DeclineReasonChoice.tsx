import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeclineReasonId } from '@spreekkamer/shared';
import type { PictogramName } from '../icons/Pictogram.js';
import { ChoiceButton, ChoiceGroup } from './ChoiceButton.js';

const reasonIcon: Record<DeclineReasonId, PictogramName> = {
  not_now: 'clock',
  camera: 'video',
  privacy: 'lock',
  trust: 'heart',
  time: 'calendar',
  other: 'question',
};

/** Which reasons fit which "no". */
export const consentDeclineReasons: readonly DeclineReasonId[] = ['not_now', 'camera', 'privacy', 'trust', 'other'];
export const checkDeclineReasons: readonly DeclineReasonId[] = ['not_now', 'time', 'trust', 'other'];

/**
 * An optional reason for saying no, in pictograms. Pressing a chosen reason again takes it back.
 * The reason is counted without a name (see the server's decline-reasons service).
 */
export function DeclineReasonChoice({ reasons, value, onChange }: { reasons: readonly DeclineReasonId[]; value: DeclineReasonId | null; onChange(reason: DeclineReasonId | null): void }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <div className="sk-decline-reason">
      <p id={headingId}>
        <strong>{t('consent.flow.reason.title')}</strong>
      </p>
      <p>{t('consent.flow.reason.hint')}</p>
      <ChoiceGroup labelledBy={headingId}>
        {reasons.map((reason) => (
          <ChoiceButton key={reason} icon={reasonIcon[reason]} label={t(`consent.flow.reason.${reason}`)} pressed={value === reason} onPress={() => onChange(value === reason ? null : reason)} />
        ))}
      </ChoiceGroup>
    </div>
  );
}

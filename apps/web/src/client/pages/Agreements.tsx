import { useTranslation } from 'react-i18next';
import type { ConsentAudience, ConsentMedia } from '@spreekkamer/shared';
import { consentTextFor } from '../../lib/consent-text.js';
import { Pictogram, type PictogramName } from '../../components/icons/Pictogram.js';

export const mediaIcon: Record<ConsentMedia, PictogramName> = { video: 'video', audio: 'microphone', none: 'noRecording' };
export const audienceIcon: Record<ConsentAudience, PictogramName> = { professional: 'person', reviewer: 'personAndCoach', peer_group: 'group' };

export interface AgreementsProps {
  media: ConsentMedia;
  audience: ConsentAudience;
  reviewerName: string | null;
  watchWithClient: boolean;
  feedbackViaReviewer: boolean;
  retentionDays: number;
  /** "Kijk met ons mee"; left out where it is not known. */
  policyViewing?: boolean;
  /** The consent text version, so a staff member sees the staff words. */
  textVersion: string;
}

/** The client's choices as a list with pictograms, in the same words as the questions. */
export function Agreements({ media, audience, reviewerName, watchWithClient, feedbackViaReviewer, policyViewing, retentionDays, textVersion }: AgreementsProps) {
  const { t, i18n } = useTranslation();
  const text = consentTextFor(i18n.language, textVersion);
  const items: { icon: PictogramName; label: string; value: string }[] = [{ icon: mediaIcon[media], label: t('consent.copy.media'), value: text.media[media].label }];
  if (media !== 'none') {
    items.push({ icon: audienceIcon[audience], label: t('consent.copy.audience'), value: text.audience[audience].label });
    if (audience !== 'professional') items.push({ icon: 'personAndCoach', label: t('consent.copy.reviewer'), value: reviewerName ?? t('consent.copy.reviewerOpen') });
    items.push({ icon: 'watchTogether', label: t('consent.copy.watch'), value: watchWithClient ? t('consent.flow.yes') : t('consent.flow.no') });
    if (audience !== 'professional') items.push({ icon: 'speechBubble', label: t('consent.copy.feedback'), value: feedbackViaReviewer ? t('consent.flow.yes') : t('consent.flow.no') });
    if (policyViewing !== undefined) items.push({ icon: 'group', label: t('consent.copy.policy'), value: policyViewing ? t('consent.flow.yes') : t('consent.flow.no') });
    items.push({ icon: 'clock', label: t('consent.copy.retention'), value: t('consent.copy.days', { count: retentionDays }) });
  }
  return (
    <ul className="sk-agreements">
      {items.map((item) => (
        <li key={item.label}>
          <Pictogram name={item.icon} size={36} />
          <span>
            <span className="sk-agreements__label">{item.label}</span>
            <span className="sk-agreements__value">{item.value}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}

import { useTranslation } from 'react-i18next';
import type { RecordingSummary } from '@spreekkamer/shared';
import { ButtonLink } from '../../components/Links.js';
import { reviewPaths } from './paths.js';

/** The way into the review room (marking moments, sharing, takeaways), and to sharing where the consent allows it. */
export function RecordingActions({ recording, compact = false }: { recording: Pick<RecordingSummary, 'id' | 'status' | 'mayShare' | 'clientPseudonym' | 'conversationHeldOn'>; compact?: boolean }) {
  const { t } = useTranslation();
  if (recording.status !== 'ready') return null;
  return (
    <span className={compact ? 'sk-recording-actions sk-recording-actions--compact' : 'sk-recording-actions'}>
      <ButtonLink appearance={compact ? 'secondary-action' : 'primary-action'} to={reviewPaths.room(recording.id)}>
        {t('reviews.room.open')}
      </ButtonLink>
      {recording.mayShare ? (
        <ButtonLink appearance="secondary-action" to={`${reviewPaths.room(recording.id)}#review-share`}>
          {t('reviews.room.share')}
        </ButtonLink>
      ) : null}
    </span>
  );
}

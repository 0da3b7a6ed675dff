import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/Links.js';
import { reviewPaths } from './paths.js';

/** For the recording's page: the way into the review room (marking moments, sharing, takeaways). */
export function ReviewRoomLink({ recordingId }: { recordingId: string }) {
  const { t } = useTranslation();
  return (
    <ButtonLink appearance="primary-action" to={reviewPaths.room(recordingId)}>
      {t('reviews.room.open')}
    </ButtonLink>
  );
}

import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordingFailureCode } from '@spreekkamer/shared';

/**
 * Why processing failed. In Dutch the server's own sentence (it can name the limit that was
 * exceeded); in other languages our translation by code.
 */
export function useFailureText(): (failure: { code: RecordingFailureCode; message: string }) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (failure) => (i18n.language === 'nl' && failure.message ? failure.message : t(`recordings.failure.${failure.code}`)),
    [t, i18n],
  );
}

import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * For keys built from server data (error codes, audit actions): the translation when we have
 * one, otherwise the given fallback, so a new server value never shows as a raw key.
 */
export function useOptionalText(): (key: string, fallback: string) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (key: string, fallback: string) => (i18n.exists(key) ? String(t(key as 'app.name')) : fallback),
    [t, i18n],
  );
}

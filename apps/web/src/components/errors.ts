import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrors } from '@spreekkamer/shared';
import { ApiError } from '../api/client.js';
import { useOptionalText } from '../i18n/optional.js';

function catalogueText(code: string, language: string): string | undefined {
  if (!Object.hasOwn(apiErrors, code)) return undefined;
  const entry = apiErrors[code as keyof typeof apiErrors];
  return language === 'en' ? entry.en : entry.nl;
}

/**
 * Turns any error into a sentence for the person: our own wording by code when we have it, else
 * the shared error catalogue in the current language (codes added on the server side later),
 * else the server's own (Dutch) message.
 */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const optional = useOptionalText();
  return useCallback(
    (error: unknown) => {
      if (!(error instanceof ApiError)) return t('errors.unknown');
      return optional(`errors.${error.code}`, catalogueText(error.code, i18n.language) ?? error.message);
    },
    [optional, t, i18n],
  );
}

import { useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { plainLanguageHints } from '@spreekkamer/shared';
import { preloadTexts, useTexts } from '../i18n/index.js';

// Fetched as this module loads (with its page), so the components rarely wait.
preloadTexts('languages');

/**
 * Gentle plain-language tips for a Dutch text the client will read. Folded away by default and
 * never blocking: the professional decides. Not a live region, so typing is not interrupted.
 */
export function PlainLanguageHints({ text }: { text: string }) {
  useTexts('languages');
  const { t } = useTranslation();
  const deferred = useDeferredValue(text);
  const hints = useMemo(() => plainLanguageHints(deferred), [deferred]);
  if (hints.length === 0) return null;
  return (
    <details className="sk-plain-hints">
      <summary>{t('languages.plain.title', { count: hints.length })}</summary>
      <p>{t('languages.plain.intro')}</p>
      <ul>
        {hints.map((hint) => (
          <li key={`${hint.kind}:${hint.text}`}>
            {t(`languages.plain.${hint.kind}`, { text: hint.text, alternative: hint.alternative ?? '', words: hint.words ?? 0 })}
          </li>
        ))}
      </ul>
    </details>
  );
}

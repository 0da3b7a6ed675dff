import { methodTextTranslations, type MethodTranslationLanguage } from './client-translations.js';

/**
 * Method content (theme cards, prompts, check items) lives here so server and web use one
 * structure. Every text exists per language; Dutch is the fallback, so a language added later
 * (including a right-to-left one) can be filled in piece by piece without breaking a screen.
 */
export const methodLanguages = ['nl', 'en'] as const;
export type MethodLanguage = (typeof methodLanguages)[number];

export type Localized = Readonly<Record<MethodLanguage, string>>;

/** The text in the asked language, else Dutch. Accepts any language tag (e.g. "en-GB", "ar"). */
export function localize(text: Localized, language: string): string {
  const base = language.toLowerCase().split('-')[0] ?? 'nl';
  if ((methodLanguages as readonly string[]).includes(base)) return text[base as MethodLanguage];
  return Object.hasOwn(methodTextTranslations, base) ? (methodTextTranslations[base as MethodTranslationLanguage][text.nl] ?? text.nl) : text.nl;
}

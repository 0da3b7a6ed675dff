import { z } from 'zod';

/**
 * Languages a client can read their pages in. Staff pages stay Dutch and English (`locales`);
 * a client's pages, printed card, e-mail and copies can be in any of these. Each is named in
 * itself, so someone who cannot read the current language still finds theirs.
 *
 * `reviewedByNativeSpeaker` stays false until a native speaker has checked the texts; the
 * administrator's settings list the unreviewed ones so a municipality can have them checked.
 */
export const clientLanguages = [
  { code: 'nl', name: 'Nederlands', dir: 'ltr', speechTag: 'nl-NL', intlTag: 'nl-NL', reviewedByNativeSpeaker: true },
  { code: 'en', name: 'English', dir: 'ltr', speechTag: 'en-GB', intlTag: 'en-GB', reviewedByNativeSpeaker: true },
  { code: 'ar', name: 'العربية', dir: 'rtl', speechTag: 'ar', intlTag: 'ar', reviewedByNativeSpeaker: false },
  { code: 'tr', name: 'Türkçe', dir: 'ltr', speechTag: 'tr-TR', intlTag: 'tr-TR', reviewedByNativeSpeaker: false },
  { code: 'pl', name: 'Polski', dir: 'ltr', speechTag: 'pl-PL', intlTag: 'pl-PL', reviewedByNativeSpeaker: false },
  { code: 'uk', name: 'Українська', dir: 'ltr', speechTag: 'uk-UA', intlTag: 'uk-UA', reviewedByNativeSpeaker: false },
] as const;

export type ClientLocale = (typeof clientLanguages)[number]['code'];
export type ClientLanguage = (typeof clientLanguages)[number];

export const clientLocales = clientLanguages.map((language) => language.code) as [ClientLocale, ...ClientLocale[]];
export const clientLocaleSchema = z.enum(clientLocales);

/** A stored client language as one we write in: anything unknown reads as Dutch, the default. */
export function clientLocaleOf(stored: string | null | undefined): ClientLocale {
  const parsed = clientLocaleSchema.safeParse(stored);
  return parsed.success ? parsed.data : 'nl';
}

export function clientLanguageOf(code: string): ClientLanguage {
  return clientLanguages.find((language) => language.code === code) ?? clientLanguages[0];
}

/**
 * Languages an organisation offers its clients: always Dutch (the fallback), then the chosen
 * ones in the fixed order above, each once.
 */
export function offeredClientLocales(chosen: readonly string[] | undefined): ClientLocale[] {
  const wanted = new Set(chosen ?? clientLocales);
  return clientLocales.filter((code) => code === 'nl' || wanted.has(code));
}

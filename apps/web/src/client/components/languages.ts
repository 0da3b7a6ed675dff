import i18n from 'i18next';

/**
 * Languages offered on client pages, each named in its own language so someone who cannot read
 * the current one still finds theirs. To add one (right-to-left included): add its translation
 * files to i18n/index.ts and a line here; `dir` follows from i18next's list of RTL languages.
 */
export const clientLanguages: ReadonlyArray<{ code: string; name: string }> = [
  { code: 'nl', name: 'Nederlands' },
  { code: 'en', name: 'English' },
];

/** BCP 47 tags for speech synthesis, which wants a region to pick a fitting voice. */
const speechTags: Record<string, string> = { nl: 'nl-NL', en: 'en-GB' };

export function speechTagOf(language: string): string {
  return speechTags[language] ?? language;
}

export function directionOf(language: string): 'ltr' | 'rtl' {
  return i18n.dir(language) === 'rtl' ? 'rtl' : 'ltr';
}

import { clientLanguages, type ClientLanguage, type ClientLocale } from '@spreekkamer/shared';

/** Before we know the organisation (no link, no session), only the two languages every one offers. */
export const beforeOrganisationKnown: readonly ClientLocale[] = ['nl', 'en'];

/**
 * Languages offered on client pages (packages/shared/src/client-languages.ts), each named in its
 * own language so someone who cannot read the current one still finds theirs. The organisation
 * chooses which are offered: the code page learns them from the link, other pages from the
 * session; with neither, Dutch and English only.
 */
export function offeredClientLanguages(offered: readonly ClientLocale[] | undefined): readonly ClientLanguage[] {
  const codes = offered ?? beforeOrganisationKnown;
  return clientLanguages.filter((language) => codes.includes(language.code));
}

function known(language: string): ClientLanguage | undefined {
  return clientLanguages.find((candidate) => candidate.code === language);
}

/** BCP 47 tag for speech synthesis, which wants a region to pick a fitting voice. */
export function speechTagOf(language: string): string {
  return known(language)?.speechTag ?? language;
}

export function directionOf(language: string): 'ltr' | 'rtl' {
  return known(language)?.dir ?? 'ltr';
}

export { clientLanguages };

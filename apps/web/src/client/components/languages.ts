import { clientLanguages, type ClientLanguage, type ClientLocale } from '@spreekkamer/shared';

/**
 * Languages offered on client pages (packages/shared/src/client-languages.ts), each named in its
 * own language so someone who cannot read the current one still finds theirs. The organisation
 * chooses which are offered; before the code is typed we do not know the organisation, so all are.
 */
export function offeredClientLanguages(offered: readonly ClientLocale[] | undefined): readonly ClientLanguage[] {
  return offered ? clientLanguages.filter((language) => offered.includes(language.code)) : clientLanguages;
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

import { clientLanguages, clientLocaleOf, consentTexts, type ConsentTextContent } from '@spreekkamer/shared';

/**
 * The one place that turns a page language into an Intl locale, for client and staff pages alike
 * (Arabic keeps Western digits, as CLDR's "ar" does and as the code on the client's paper has).
 */
export function intlLocale(language: string): string {
  return clientLanguages.find((candidate) => candidate.code === language)?.intlTag ?? language;
}

/** "20 november 2026" for a calendar date (yyyy-mm-dd) or a timestamp, in the page language. */
export function formatDay(value: string, language: string): string {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = dateOnly ? new Date(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3])) : new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(language), { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** A number in the page language's way ("1.234,5" in Dutch, "1,234.5" in English). */
export function formatNumber(value: number, language: string, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(intlLocale(language), options).format(value);
}

/** Fills {{name}} placeholders in the consent text. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The canonical consent words (packages/shared/src/consent-text.ts) in the page language. */
export function consentTextFor(language: string): ConsentTextContent {
  return consentTexts[clientLocaleOf(language)];
}

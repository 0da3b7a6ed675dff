/**
 * Numbers and dates in the page's language: one place, so a table, a chart axis and a sentence on
 * the same page never write 1.4 and 1,4 side by side.
 */
import { clientLanguages } from '@spreekkamer/shared';

/**
 * The Intl locale for a page language, from the shared language table ("nl" → "nl-NL", "ar" keeps
 * Western digits as CLDR's "ar" does and as the code on the client's paper has); others as they are.
 */
export function intlLocale(language: string): string {
  return clientLanguages.find((candidate) => candidate.code === language)?.intlTag ?? (language || 'nl-NL');
}

/** A number with at most `maximumFractionDigits` decimals (default 1), e.g. "1,4" in Dutch, "1.4" in English. */
export function formatNumber(value: number, language: string, options: { maximumFractionDigits?: number; minimumFractionDigits?: number } = {}): string {
  const maximumFractionDigits = options.maximumFractionDigits ?? 1;
  const minimumFractionDigits = Math.min(options.minimumFractionDigits ?? 0, maximumFractionDigits);
  return new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits, minimumFractionDigits }).format(value);
}

/** A calendar day (yyyy-mm-dd) or an instant: yyyy-mm-dd is read as local noon so no time zone shifts the day. */
function toDate(value: string): Date {
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return dateOnly ? new Date(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]), 12) : new Date(value);
}

/** "3 maart 2026" / "3 March 2026". An unreadable value is returned as it is. */
export function formatDay(value: string, language: string): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(language), { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** "3 mrt 2026, 14:05" / "3 Mar 2026, 14:05". */
export function formatDateTime(value: string, language: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** "maart 2026" / "March 2026". */
export function formatMonth(year: number, month: number, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { month: 'long', year: 'numeric' }).format(new Date(year, month - 1, 1));
}

/** "okt 26" / "Oct 26": a month on a chart axis, where "oktober 2026" does not fit twelve times. */
export function formatMonthShort(year: number, month: number, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { month: 'short', year: '2-digit' }).format(new Date(year, month - 1, 1));
}

/**
 * Days and months as the organisation lives them (Dutch municipalities: Europe/Amsterdam), so an
 * action due "today" is not overdue at 01:00 and a month closes at local midnight.
 */
const zone = 'Europe/Amsterdam';
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });

/** yyyy-mm-dd */
export function localDay(at: Date): string {
  return dayFormat.format(at);
}

/** yyyy-mm */
export function localMonth(at: Date): string {
  return localDay(at).slice(0, 7);
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * 24 * 60 * 60 * 1000);
}

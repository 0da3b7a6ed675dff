/**
 * Reads "1:05", "1:05.5", "0:07", "65" or "1:02:03" as seconds; null when it is not a time.
 * After a colon come one or two digits below 60 ("1:005" and "1:75" are refused), the stricter
 * of the two rules the review and feedback screens once had.
 */
export function parseClock(text: string): number | null {
  const value = text.trim().replace(',', '.');
  if (!/^\d+(:\d{1,2}){0,2}(\.\d+)?$/.test(value)) return null;
  const parts = value.split(':').map(Number);
  if (parts.some((p) => !Number.isFinite(p))) return null;
  if (parts.slice(1).some((p) => p >= 60)) return null;
  return parts.reduce((total, part) => total * 60 + part, 0);
}

/**
 * Clients think in minutes: "5" is minute 5 (the staff clock reads a bare number as seconds) and
 * "5:30" five and a half minutes; null when it is not a time.
 */
export function parseMinutes(text: string): number | null {
  const value = text.trim();
  if (/^\d{1,3}$/.test(value)) return Number(value) * 60;
  return /^\d{1,3}:\d{2}$/.test(value) ? parseClock(value) : null;
}

/** Seconds as "1:05.2": the clock with tenths, for precise start and end fields. */
export function formatPreciseClock(seconds: number): string {
  const safe = Math.max(0, Number.isFinite(seconds) ? seconds : 0);
  const tenths = Math.round(safe * 10) / 10;
  const whole = Math.floor(tenths);
  const fraction = Math.round((tenths - whole) * 10);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  const clock = h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
  return fraction > 0 ? `${clock}.${fraction}` : clock;
}

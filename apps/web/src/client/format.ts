/** "20 november 2026" for a calendar date (yyyy-mm-dd) or a timestamp, in the page language. */
export { formatLongDate as formatDay } from '../lib/format.js';

/** Numbers in the page language, as on staff pages. */
export { formatNumber } from '../lib/format.js';

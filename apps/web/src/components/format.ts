/** Date and time in the person's language, e.g. "3 mrt 2026, 14:05" (see lib/format). */
export { formatDateTime } from '../lib/format.js';

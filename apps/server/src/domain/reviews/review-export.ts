import { momentThemeLabels, type ReviewExport } from '@spreekkamer/shared';

/**
 * Text-only exports of the professional's own review work. No media, no other people's private
 * threads beyond the comments the professional marked as takeaways.
 */

function clock(seconds: number): string {
  const total = Math.floor(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** Markdown readers may render HTML: angle brackets and ampersands are escaped so text stays text. */
function markdownText(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Markdown for one line of inline text: also neutralise characters that start block syntax. */
function markdownInline(value: string): string {
  return markdownText(value.replace(/\s+/g, ' ')).replace(/([\\`*_[\]#|])/g, '\\$1');
}

const commentKindNames = { observation: 'Wat ik zie', question: 'Vraag', strength: 'Wat werkt', alternative: 'Wat je kunt proberen' } as const;

export function exportMarkdown(data: ReviewExport): string {
  const lines = [`# Terugkijken: gesprek van ${data.conversationHeldOn}`, '', `Gemaakt op ${data.exportedAt.slice(0, 10)}. Alleen tekst, zonder beeld of geluid.`, ''];
  lines.push('## Momenten', '');
  if (data.moments.length === 0) lines.push('Nog geen momenten gemarkeerd.', '');
  for (const moment of data.moments) {
    lines.push(`### ${clock(moment.startSeconds)}–${clock(moment.endSeconds)} ${markdownInline(moment.title)}`, '');
    if (moment.themes.length > 0) lines.push(`Thema's: ${moment.themes.map((t) => momentThemeLabels[t].nl).join(', ')}`, '');
    if (moment.notes.trim()) lines.push(...markdownText(moment.notes).split('\n').map((line) => `> ${line}`), '');
    for (const takeaway of moment.takeaways) lines.push(`- **${commentKindNames[takeaway.kind]}** (${markdownInline(takeaway.authorName)}): ${markdownInline(takeaway.body)}`);
    if (moment.takeaways.length > 0) lines.push('');
  }
  const groups = [
    ['Wat ik meeneem', data.outcomes.filter((o) => o.kind === 'takeaway')],
    ['Afspraken', data.outcomes.filter((o) => o.kind === 'agreement')],
  ] as const;
  for (const [title, outcomes] of groups) {
    lines.push(`## ${title}`, '');
    if (outcomes.length === 0) lines.push('Nog niets vastgelegd.');
    for (const outcome of outcomes) lines.push(`- ${markdownInline(outcome.text)} (${markdownInline(outcome.authorName)})`);
    lines.push('');
  }
  return lines.join('\n');
}

/** Spreadsheet programs run cells that start with = + - @ (and tab/CR) as formulas: prefix them. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function exportCsv(data: ReviewExport): string {
  const rows: string[][] = [['soort', 'begin', 'einde', 'titel', 'themas', 'tekst', 'van']];
  for (const moment of data.moments) {
    rows.push(['moment', clock(moment.startSeconds), clock(moment.endSeconds), moment.title, moment.themes.join(' '), moment.notes, '']);
    for (const takeaway of moment.takeaways) rows.push(['leerpunt uit reactie', clock(moment.startSeconds), clock(moment.endSeconds), moment.title, takeaway.kind, takeaway.body, takeaway.authorName]);
  }
  for (const outcome of data.outcomes) rows.push([outcome.kind === 'takeaway' ? 'leerpunt' : 'afspraak', '', '', '', '', outcome.text, outcome.authorName]);
  // A byte-order mark so spreadsheet programs read the accents as UTF-8.
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

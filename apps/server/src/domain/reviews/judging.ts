/**
 * The gentle nudge on comments: a short remark that only passes judgement ("slecht", "fout",
 * "bad", "wrong") without saying what was seen or what could be tried. Deliberately narrow: a
 * longer comment, or one that describes (quotes, "ik zie", "you say", a time), is never flagged,
 * and the author can always keep their words. This is a prompt to the writer, not a score.
 */

const judgingTerms = new Set([
  'slecht', 'fout', 'foute', 'verkeerd', 'verkeerde', 'dom', 'stom', 'waardeloos', 'onprofessioneel', 'zwak', 'vreselijk',
  'belachelijk', 'onhandig', 'rampzalig', 'slordig', 'lui', 'irritant', 'onbeleefd', 'onvoldoende',
  'bad', 'wrong', 'poor', 'terrible', 'awful', 'stupid', 'unprofessional', 'weak', 'horrible', 'useless', 'rubbish', 'lazy', 'rude',
]);
const judgingPhrases = ['niet goed', 'niet oké', 'niet ok', 'kan echt niet', 'not good', 'no good', 'not ok'];

/** Signs that the writer describes what happens or offers something to try. */
const describingMarkers = [
  'ik zie', 'zie ik', 'ik hoor', 'hoor ik', 'ik merk', 'je zegt', 'zegt', 'vraagt', 'vroeg', 'toen', 'als je', 'omdat', 'probeer', 'misschien', 'zou je', 'kun je', 'wat als',
  'i see', 'i hear', 'i notice', 'you say', 'says', 'asks', 'asked', 'when', 'because', 'try', 'maybe', 'could you', 'what if',
];

const maxWordsForJudging = 8;

export function isOnlyJudging(text: string): boolean {
  const lower = text.toLowerCase().replace(/\s+/g, ' ').trim();
  const words = lower.split(/[^\p{L}\p{N}']+/u).filter(Boolean);
  if (words.length === 0 || words.length > maxWordsForJudging) return false;
  if (/["“”„'‘’].+["“”'‘’]/u.test(lower) || /\d/.test(lower)) return false;
  const padded = ` ${words.join(' ')} `;
  if (describingMarkers.some((marker) => padded.includes(` ${marker} `))) return false;
  return words.some((word) => judgingTerms.has(word)) || judgingPhrases.some((phrase) => padded.includes(` ${phrase} `));
}

/**
 * Finds what could identify a client in a text a professional wants to bring to the team or to
 * policy: a name, a BSN-like number, a phone number, an e-mail or postal address, an exact date.
 * It warns; it never blocks: the author rewrites or decides it is fine (issue #12). The browser
 * runs it while typing and the server runs it again on save, so both show the same findings.
 */

export type IdentifyingDetailKind = 'name' | 'bsn' | 'phone' | 'email' | 'postal_address' | 'exact_date';

export interface IdentifyingDetail {
  kind: IdentifyingDetailKind;
  /** The text found, as typed. */
  text: string;
  /** Where it starts in the text (UTF-16 index), to mark it. */
  index: number;
}

const months =
  'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec';

/**
 * Patterns in order of precedence: where two overlap, the first one wins (a BSN is not also a
 * phone number). Kept simple and broad: a false warning costs one glance, a missed one a client.
 */
const patterns: ReadonlyArray<{ kind: IdentifyingDetailKind; pattern: RegExp }> = [
  { kind: 'email', pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu },
  // Dutch mobile and landline numbers, with or without +31, spaces or dashes.
  { kind: 'phone', pattern: /(?:\+31[\s-]?|0031[\s-]?|\b0)(?:6[\s-]?(?:\d[\s-]?){7}\d|[1-9](?:\d[\s-]?){7}\d)\b/g },
  // Nine digits, optionally grouped (123456782, 1234.56.782, 123 456 782): the shape of a BSN.
  { kind: 'bsn', pattern: /\b\d{3}[\s.-]?\d{3}[\s.-]?\d{3}\b|\b\d{4}[\s.]?\d{2}[\s.]?\d{3}\b/g },
  // A street with a house number, or a postcode (1234 AB).
  { kind: 'postal_address', pattern: /\b\d{4}\s?[A-Z]{2}\b/g },
  {
    kind: 'postal_address',
    pattern: /\b\p{Lu}[\p{L}'-]*(?:straat|laan|weg|plein|gracht|kade|singel|dijk|hof|pad|steeg|dreef|park|plantsoen|markt)\s+\d+\s?[a-zA-Z]?\b/gu,
  },
  // 3-4-2025, 03/04/25, 2025-04-03, 3 april 2025, 3 april.
  { kind: 'exact_date', pattern: /\b\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b/g },
  { kind: 'exact_date', pattern: new RegExp(`\\b\\d{1,2}\\s+(?:${months})\\.?(?:\\s+\\d{4})?\\b`, 'giu') },
  // A title or a first-and-last name: "mevrouw Jansen", "meneer De Vries", "Fatima El Amrani".
  {
    kind: 'name',
    pattern: /\b(?:mevrouw|mevr\.|meneer|mijnheer|dhr\.|mw\.|de heer)\s+(?:(?:van|de|der|den|el|al|ten|ter)\s+)*\p{Lu}[\p{L}'-]+/giu,
  },
  { kind: 'name', pattern: /\b\p{Lu}\p{Ll}+(?:\s+(?:(?:van|de|der|den|el|al|ten|ter)\s+)*\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,2}\b/gu },
];

/** Every identifying detail in the text, in reading order, without overlaps. */
export function findIdentifyingDetails(text: string): IdentifyingDetail[] {
  const found: IdentifyingDetail[] = [];
  const taken: Array<[number, number]> = [];
  for (const { kind, pattern } of patterns) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some(([from, to]) => start < to && end > from)) continue;
      taken.push([start, end]);
      found.push({ kind, text: match[0], index: start });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

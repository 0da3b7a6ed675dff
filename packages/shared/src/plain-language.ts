/**
 * A gentle plain-language check (Dutch, B1) for what a professional writes for a client to read:
 * a summary, a follow-up, agreements. It only points things out; it never blocks sending and never
 * rewrites. The word lists are short on purpose: the most common official words in social
 * services, each with a plainer alternative.
 */

export type PlainLanguageHintKind = 'longSentence' | 'longWord' | 'difficultWord' | 'jargon' | 'passive';

export interface PlainLanguageHint {
  kind: PlainLanguageHintKind;
  /** The word, or the first words of the sentence, the hint is about. */
  text: string;
  /** A plainer word or phrase, where we know one. */
  alternative?: string;
  /** Number of words, for long sentences. */
  words?: number;
}

/** B1 guidance: most sentences under 15 words; from 20 on, a sentence is hard for many readers. */
export const longSentenceWords = 20;
/** Dutch glues words together; from 15 letters on a word is hard to take in at once. */
export const longWordLetters = 15;

/** Official words with a plain alternative (lower case; multi-word phrases allowed). */
export const difficultWords: Readonly<Record<string, string>> = {
  derhalve: 'daarom',
  teneinde: 'om',
  middels: 'met',
  omtrent: 'over',
  inzake: 'over',
  'met betrekking tot': 'over',
  'ten behoeve van': 'voor',
  'in het kader van': 'bij, voor',
  'ten aanzien van': 'over',
  indien: 'als',
  alsmede: 'en',
  reeds: 'al',
  thans: 'nu',
  trachten: 'proberen',
  wellicht: 'misschien',
  desalniettemin: 'toch',
  conform: 'volgens',
  verstrekken: 'geven',
  verzoeken: 'vragen',
  aanvang: 'begin',
  beëindigen: 'stoppen',
  dient: 'moet',
  adequaat: 'goed, passend',
  evalueren: 'samen bekijken hoe het ging',
  prioriteit: 'wat eerst moet',
  faciliteren: 'helpen, mogelijk maken',
  implementeren: 'invoeren, gaan doen',
  woonachtig: 'wonend',
  retourneren: 'terugsturen',
};

/** Social-services jargon a client may not know, with words the client does know. */
export const jargonWords: Readonly<Record<string, string>> = {
  're-integratie': 'weer aan het werk gaan',
  reintegratie: 'weer aan het werk gaan',
  participatiewet: 'de wet voor de bijstand',
  handhaving: 'controle of de regels gevolgd worden',
  uitkeringsgerechtigde: 'iemand met een uitkering',
  inlichtingenplicht: 'dat u veranderingen moet doorgeven',
  sollicitatieplicht: 'dat u moet solliciteren',
  tegenprestatie: 'iets terugdoen voor de uitkering',
  maatregel: 'korting op de uitkering',
  trajectplan: 'plan',
  'plan van aanpak': 'plan',
  arbeidsmarkt: 'werk',
  loonwaarde: 'wat u met werk kunt verdienen',
  zelfredzaamheid: 'zelf dingen kunnen regelen',
  beschikking: 'brief met een besluit',
  intake: 'eerste gesprek',
  casus: 'situatie',
  arbeidsinschakeling: 'aan het werk gaan',
};

const wordForms = ['word', 'wordt', 'worden', 'werd', 'werden'];

/** Past participles: ge…d/t/en (also after a separable prefix: uitgenodigd) or be/ver/ont/her…d/t/en. */
function isParticiple(word: string): boolean {
  if (word.endsWith('heid')) return false;
  return /^\p{L}*ge\p{L}{3,}(?:d|t|en)$/u.test(word) || /^(?:be|ver|ont|her)\p{L}{3,}(?:d|t)$/u.test(word) || /^(?:be|ver|ont|her)\p{L}{2,}en$/u.test(word);
}

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

function wordsOf(sentence: string): string[] {
  return sentence.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
}

function opening(sentence: string): string {
  const words = sentence.split(/\s+/u);
  return words.length > 8 ? `${words.slice(0, 8).join(' ')}…` : sentence;
}

function containsPhrase(lowerText: string, phrase: string): boolean {
  return new RegExp(`(?<![\\p{L}-])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}-])`, 'u').test(lowerText);
}

/** Hints for one text, in reading order per kind; an empty list means nothing to point out. */
export function plainLanguageHints(text: string): PlainLanguageHint[] {
  const hints: PlainLanguageHint[] = [];
  const lower = text.toLowerCase();
  const named = new Set<string>();

  for (const [word, alternative] of Object.entries(jargonWords)) {
    if (containsPhrase(lower, word)) {
      hints.push({ kind: 'jargon', text: word, alternative });
      for (const part of word.split(/\s+/u)) named.add(part);
    }
  }
  for (const [word, alternative] of Object.entries(difficultWords)) {
    if (containsPhrase(lower, word)) {
      hints.push({ kind: 'difficultWord', text: word, alternative });
      for (const part of word.split(/\s+/u)) named.add(part);
    }
  }

  for (const sentence of sentencesOf(text)) {
    const words = wordsOf(sentence);
    if (words.length >= longSentenceWords) hints.push({ kind: 'longSentence', text: opening(sentence), words: words.length });
    const lowerWords = words.map((word) => word.toLowerCase());
    if (lowerWords.some((word) => wordForms.includes(word)) && lowerWords.some(isParticiple)) hints.push({ kind: 'passive', text: opening(sentence) });
    for (const word of lowerWords) {
      const letters = word.replace(/[^\p{L}]/gu, '');
      if (letters.length >= longWordLetters && !named.has(word) && !/^\p{N}/u.test(word)) {
        named.add(word);
        hints.push({ kind: 'longWord', text: word });
      }
    }
  }
  return hints;
}

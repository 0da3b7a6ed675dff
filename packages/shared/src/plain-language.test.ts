import { describe, expect, it } from 'vitest';
import { plainLanguageHints } from './plain-language.js';

const kinds = (text: string) => plainLanguageHints(text).map((hint) => hint.kind);

describe('plain-language hints (Dutch, B1)', () => {
  it('has nothing to say about short, active, plain sentences', () => {
    expect(plainLanguageHints('We spraken over uw werk. U wilt graag in de zorg werken. Ik bel u volgende week.')).toEqual([]);
    expect(plainLanguageHints('')).toEqual([]);
  });

  it('names jargon with a word the client knows', () => {
    const hints = plainLanguageHints('Uw re-integratie valt onder de Participatiewet. Daarom is er handhaving.');
    expect(hints.filter((hint) => hint.kind === 'jargon')).toEqual([
      { kind: 'jargon', text: 're-integratie', alternative: 'weer aan het werk gaan' },
      { kind: 'jargon', text: 'participatiewet', alternative: 'de wet voor de bijstand' },
      { kind: 'jargon', text: 'handhaving', alternative: 'controle of de regels gevolgd worden' },
    ]);
  });

  it('names official words from the B1 list with a plainer one, also as a phrase', () => {
    const hints = plainLanguageHints('Indien u vragen heeft met betrekking tot de afspraak, kunt u reeds bellen.');
    expect(hints).toEqual(
      expect.arrayContaining([
        { kind: 'difficultWord', text: 'indien', alternative: 'als' },
        { kind: 'difficultWord', text: 'met betrekking tot', alternative: 'over' },
        { kind: 'difficultWord', text: 'reeds', alternative: 'al' },
      ]),
    );
    // Part of another word is not the word: "reedsch" or "verindien" are no hits.
    expect(kinds('Het bereedschap ligt klaar.')).toEqual([]);
  });

  it('counts the words of a long sentence and quotes its opening', () => {
    const long = 'In het gesprek van vandaag hebben we samen uitgebreid gekeken naar uw wensen voor werk en naar wat daarvoor nodig is in de komende maanden.';
    const hint = plainLanguageHints(long).find((candidate) => candidate.kind === 'longSentence');
    expect(hint?.words).toBe(25);
    expect(hint?.text).toBe('In het gesprek van vandaag hebben we samen…');
    expect(kinds('Dit is een zin van negentien woorden, en dat is nog net goed te lezen voor de meeste mensen.')).not.toContain('longSentence');
  });

  it('notices the passive voice, not every "worden"', () => {
    expect(kinds('Uw aanvraag wordt door ons beoordeeld.')).toContain('passive');
    expect(kinds('U wordt volgende week uitgenodigd voor een gesprek.')).toContain('passive');
    expect(kinds('Het gesprek werd gisteren besproken.')).toContain('passive');
    expect(kinds('Het wordt beter met uw gezondheid.')).not.toContain('passive');
    expect(kinds('Wij beoordelen uw aanvraag.')).not.toContain('passive');
  });

  it('names long words once, but not the jargon it already named', () => {
    const hints = plainLanguageHints('De arbeidsmarktregio heeft een werkgeversdienstverlening. De arbeidsmarktregio helpt. De uitkeringsgerechtigde belt.');
    expect(hints.filter((hint) => hint.kind === 'longWord').map((hint) => hint.text)).toEqual(['arbeidsmarktregio', 'werkgeversdienstverlening']);
    expect(hints.filter((hint) => hint.kind === 'jargon').map((hint) => hint.text)).toEqual(['uitkeringsgerechtigde']);
  });
});

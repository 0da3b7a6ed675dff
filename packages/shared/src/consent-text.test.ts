import { describe, expect, it } from 'vitest';
import { clientLocales } from './client-languages.js';
import { consentTextDocument, consentTexts, consentTextVersion } from './consent-text.js';

function leaves(value: unknown, prefix = ''): Array<[string, unknown]> {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('consent text', () => {
  it('says the same things in every language, with the same placeholders', () => {
    const nl = new Map(leaves(consentTexts.nl));
    expect(Object.keys(consentTexts).sort()).toEqual([...clientLocales].sort());
    for (const language of clientLocales) {
      const other = new Map(leaves(consentTexts[language]));
      expect([...other.keys()].sort(), language).toEqual([...nl.keys()].sort());
      for (const [key, text] of nl) {
        expect(String(other.get(key)).trim(), `${language}: ${key}`).not.toBe('');
        expect(placeholders(other.get(key)), `${language}: ${key}`).toEqual(placeholders(text));
      }
    }
  });

  it('is stored as one document carrying its version', () => {
    const document = JSON.parse(consentTextDocument()) as { version: string; texts: unknown };
    expect(document.version).toBe(consentTextVersion);
    expect(document.texts).toEqual(consentTexts);
  });

  it('tells the client that saying no has no consequences and that they can always stop', () => {
    expect(consentTexts.nl.explain.no.lines.join(' ')).toMatch(/verandert dan niets voor u/);
    expect(consentTexts.nl.explain.why.lines.join(' ')).toMatch(/nooit gebruikt voor besluiten over uw uitkering/);
    expect(consentTexts.nl.explain.keep.lines.join(' ')).toMatch(/altijd stoppen/);
  });
});

import { describe, expect, it } from 'vitest';
import { clientLocales } from './client-languages.js';
import { consentTexts, consentTextVersion } from './consent-text.js';
import { consentTextsOfVersion, consentTextVersionFor, staffConsentTextDocument, staffConsentTexts, staffConsentTextVersion } from './consent-text-staff.js';

function leaves(value: unknown, prefix = ''): Array<[string, string]> {
  if (typeof value !== 'object' || value === null) return [[prefix, String(value)]];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

/** Words of the client's world (client manager, benefits, municipality) in each language. */
const clientWorld: Record<(typeof clientLocales)[number], RegExp> = {
  nl: /klantmanager|uitkering|gemeente|\bklant\b/i,
  en: /client manager|benefit|municipality|\bclient\b/i,
  ar: /البلدية|إعانت|الموظف الذي يساعد/,
  tr: /danışman|belediye|sosyal yardım|yardımınız/i,
  pl: /gmin|zasił|opiekun/i,
  uk: /консультант|муніципал|допомог[уи]\b/i,
};

describe('consent text for a staff member', () => {
  it('has the same shape and placeholders as the client text, in every language', () => {
    expect(Object.keys(staffConsentTexts).sort()).toEqual([...clientLocales].sort());
    const shape = new Map(leaves(consentTexts.nl));
    for (const language of clientLocales) {
      const staff = new Map(leaves(staffConsentTexts[language]));
      expect([...staff.keys()].sort(), language).toEqual([...shape.keys()].sort());
      for (const [key, text] of shape) {
        expect(staff.get(key)?.trim(), `${language}: ${key}`).not.toBe('');
        expect(placeholders(staff.get(key) ?? ''), `${language}: ${key}`).toEqual(placeholders(text));
      }
    }
  });

  it('never speaks of a client manager, benefits or the municipality', () => {
    for (const language of clientLocales) {
      for (const [key, text] of leaves(staffConsentTexts[language])) expect(text, `${language}: ${key}`).not.toMatch(clientWorld[language]);
    }
    // The check itself bites: the client text does speak of them.
    for (const language of clientLocales) expect(leaves(consentTexts[language]).some(([, text]) => clientWorld[language].test(text)), language).toBe(true);
  });

  it('has its own version, chosen by the kind of partner', () => {
    expect(staffConsentTextVersion).not.toBe(consentTextVersion);
    expect(consentTextVersionFor('staff')).toBe(staffConsentTextVersion);
    expect(consentTextVersionFor('client')).toBe(consentTextVersion);
    expect(consentTextsOfVersion(staffConsentTextVersion)).toBe(staffConsentTexts);
    expect(consentTextsOfVersion(consentTextVersion)).toBe(consentTexts);
    expect(JSON.parse(staffConsentTextDocument())).toEqual({ version: staffConsentTextVersion, texts: staffConsentTexts });
  });
});

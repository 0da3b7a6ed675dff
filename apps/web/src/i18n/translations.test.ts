import { describe, expect, it } from 'vitest';
import { apiErrors, clientLanguages } from '@spreekkamer/shared';
import { clientTextScopes, inClientScope } from './client/scopes.js';
import en from './en.json' with { type: 'json' };
import nl from './nl.json' with { type: 'json' };
import { flattenKeys } from './keys.js';

function leaves(value: unknown, prefix = ''): Array<[string, unknown]> {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

function placeholders(text: unknown): string[] {
  return [...String(text).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

describe('translations', () => {
  it('have exactly the same keys in Dutch and English', () => {
    const nlKeys = flattenKeys(nl).sort();
    const enKeys = flattenKeys(en).sort();
    expect(enKeys.filter((key) => !nlKeys.includes(key))).toEqual([]);
    expect(nlKeys.filter((key) => !enKeys.includes(key))).toEqual([]);
    expect(nlKeys.length).toBeGreaterThan(100);
  });

  it('have no empty texts and use the same placeholders in both languages', () => {
    const enByKey = new Map(leaves(en));
    for (const [key, text] of leaves(nl)) {
      expect(typeof text, key).toBe('string');
      expect(String(text).trim(), key).not.toBe('');
      expect(placeholders(enByKey.get(key)), key).toEqual(placeholders(text));
    }
  });

  it('only word error codes that exist, or that are the web app\'s own', () => {
    const webOnly = ['pageTitle', 'network', 'unexpected_response', 'unknown', 'field_invalid'];
    const unknown = Object.keys(nl.errors).filter((code) => !webOnly.includes(code) && !Object.hasOwn(apiErrors, code));
    expect(unknown).toEqual([]);
  });
});

describe('feature translation files (<feature>.<lang>.json)', () => {
  const files = import.meta.glob<{ default: Record<string, unknown> }>('./*.*.json', { eager: true });
  const byFeature = new Map<string, Record<string, Record<string, unknown>>>();
  for (const [path, module] of Object.entries(files)) {
    const match = /^\.\/([\w-]+)\.(\w+)\.json$/.exec(path);
    if (!match?.[1] || !match[2]) continue;
    byFeature.set(match[1], { ...byFeature.get(match[1]), [match[2]]: module.default });
  }

  it('exist for every feature in Dutch and English', () => {
    expect(byFeature.size).toBeGreaterThan(0);
    for (const [feature, languages] of byFeature) expect(Object.keys(languages).sort(), feature).toEqual(['en', 'nl']);
  });

  it.each([...byFeature.keys()])('%s: one top-level key named after the feature, same keys and placeholders in both languages', (feature) => {
    const languages = byFeature.get(feature) ?? {};
    const featureNl = languages.nl ?? {};
    const featureEn = languages.en ?? {};
    expect(Object.keys(featureNl)).toEqual([feature]);
    expect(Object.keys(featureEn)).toEqual([feature]);
    expect(Object.keys(nl), `${feature} must not replace a key of nl.json`).not.toContain(feature);
    expect(flattenKeys(featureEn).sort()).toEqual(flattenKeys(featureNl).sort());
    const enByKey = new Map(leaves(featureEn));
    for (const [key, text] of leaves(featureNl)) {
      expect(typeof text, key).toBe('string');
      expect(String(text).trim(), key).not.toBe('');
      expect(placeholders(enByKey.get(key)), key).toEqual(placeholders(text));
    }
  });
});

/*
 * Client languages beyond Dutch and English (i18n/client/<lang>.json) hold only what clients read:
 * the scopes in client/scopes.ts. When Dutch client texts gain a key, these tests name it per
 * language ("ar: missing consent.flow.newKey"), so whoever merges can fill exactly those.
 */
describe('client languages (i18n/client/<lang>.json)', () => {
  const dutchFiles = import.meta.glob<{ default: Record<string, unknown> }>(['./nl.json', './*.nl.json'], { eager: true });
  const dutch = Object.assign({}, ...Object.values(dutchFiles).map((module) => module.default)) as Record<string, unknown>;
  const clientFiles = import.meta.glob<{ default: Record<string, unknown> }>('./client/*.json', { eager: true });
  const byLanguage = new Map(Object.entries(clientFiles).map(([path, module]) => [/\/(\w+)\.json$/.exec(path)?.[1] ?? path, module.default]));

  // Server error codes a client can meet are worded in the shared catalogue for Dutch and English.
  const dutchByKey = new Map<string, unknown>(leaves(dutch).filter(([key]) => inClientScope(key)));
  for (const scope of clientTextScopes) {
    const code = /^errors\.(\w+)$/.exec(scope)?.[1];
    if (code && !dutchByKey.has(scope) && Object.hasOwn(apiErrors, code)) dutchByKey.set(scope, apiErrors[code as keyof typeof apiErrors].nl);
  }

  it('exist for exactly the client languages beyond Dutch and English, and those are marked unreviewed', () => {
    const extra = clientLanguages.filter((language) => language.code !== 'nl' && language.code !== 'en');
    expect([...byLanguage.keys()].sort()).toEqual(extra.map((language) => language.code).sort());
    for (const language of extra) expect(language.reviewedByNativeSpeaker, language.code).toBe(false);
  });

  it('have every client scope resolve to Dutch texts (a renamed namespace must be renamed in scopes.ts)', () => {
    const empty = clientTextScopes.filter((scope) => ![...dutchByKey.keys()].some((key) => key === scope || key.startsWith(`${scope}.`)));
    expect(empty).toEqual([]);
  });

  it.each([...byLanguage.keys()])('%s: every client text present, not empty, same placeholders, nothing extra', (language) => {
    const texts = new Map(leaves(byLanguage.get(language)));
    const problems: string[] = [];
    for (const [key, text] of dutchByKey) {
      const own = texts.get(key);
      if (own === undefined) problems.push(`missing ${key}`);
      else if (typeof own !== 'string' || own.trim() === '') problems.push(`empty ${key}`);
      else if (placeholders(own).join() !== placeholders(text).join()) problems.push(`placeholders differ in ${key}: ${placeholders(own).join()} vs ${placeholders(text).join()}`);
    }
    for (const key of texts.keys()) if (!dutchByKey.has(key)) problems.push(`not a Dutch client text: ${key}`);
    expect(problems, `${language}: ${problems.join('; ')}`).toEqual([]);
  });

  it('cover every key the client pages ask for by name', () => {
    const sources = import.meta.glob<string>('../client/**/*.tsx', { query: '?raw', import: 'default', eager: true });
    const outside: string[] = [];
    let seen = 0;
    for (const [path, source] of Object.entries(sources)) {
      for (const match of source.matchAll(/\bt\(\s*['"`]([\w.]+)(\$\{)?/g)) {
        seen += 1;
        const written = match[1] ?? '';
        // t(`feedback.prepare.${step}Title`) asks for some key under feedback.prepare.
        const prefix = match[2] ? written.replace(/\.?\w*$/, '') : written;
        const covered = match[2] ? inClientScope(prefix) || clientTextScopes.some((scope) => scope.startsWith(`${prefix}.`)) : inClientScope(written);
        if (!covered) outside.push(`${path}: ${written}`);
      }
    }
    expect(seen).toBeGreaterThan(100);
    expect(outside, 'add these to i18n/client/scopes.ts and translate them').toEqual([]);
  });
});

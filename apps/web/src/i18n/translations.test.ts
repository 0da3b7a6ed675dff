import { describe, expect, it } from 'vitest';
import { apiErrors } from '@spreekkamer/shared';
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

import { clientLocaleOf, consentTexts, type ConsentTextContent } from '@spreekkamer/shared';

/** Fills {{name}} placeholders in the consent text. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** The canonical consent words (packages/shared/src/consent-text.ts) in the page language. */
export function consentTextFor(language: string): ConsentTextContent {
  return consentTexts[clientLocaleOf(language)];
}

import { clientLocaleOf, consentTextsOfVersion, consentTextVersion, type ConsentTextContent } from '@spreekkamer/shared';

/** Fills {{name}} placeholders in the consent text. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * The canonical consent words in the page language, of the text version asked or given: a staff
 * member in their manager's conversation reads the staff text (consent-text-staff.ts), a client the
 * client text (consent-text.ts).
 */
export function consentTextFor(language: string, textVersion: string = consentTextVersion): ConsentTextContent {
  return consentTextsOfVersion(textVersion)[clientLocaleOf(language)];
}

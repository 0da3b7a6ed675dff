import { describe, expect, it } from 'vitest';
import { allianceItems, faceLabels, yesNoAnswers } from './alliance-check.js';
import { conversationSheet, stepTexts, themeCards } from './feedback-conversation.js';
import { methodTextTranslations } from './client-translations.js';
import { localize, type Localized } from './text.js';

/** Every method text a client reads (the professional's guidance stays Dutch and English). */
function clientFacingTexts(): Localized[] {
  return [
    ...themeCards.flatMap((card) => [card.title, card.question, ...card.subtopics.flatMap((sub) => [sub.title, sub.question])]),
    ...conversationSheet.map((part) => part.question),
    ...Object.values(stepTexts).map((step) => step.question),
    ...allianceItems.map((item) => item.question),
    ...Object.values(faceLabels),
    ...yesNoAnswers.map((answer) => answer.label),
  ];
}

describe('method texts in the client languages', () => {
  it.each(Object.keys(methodTextTranslations))('%s: every client-facing text has a translation (the list shows the Dutch ones missing)', (language) => {
    const missing = clientFacingTexts()
      .map((text) => text.nl)
      .filter((dutch) => localize({ nl: dutch, en: dutch }, language) === dutch);
    expect(missing).toEqual([]);
  });

  it('keeps no translations of Dutch texts that no longer exist', () => {
    const current = new Set(clientFacingTexts().map((text) => text.nl));
    for (const [language, table] of Object.entries(methodTextTranslations)) {
      expect(Object.keys(table).filter((dutch) => !current.has(dutch)), language).toEqual([]);
    }
  });

  it('falls back to Dutch for a language it does not know', () => {
    expect(localize({ nl: 'Goed', en: 'Good' }, 'xx')).toBe('Goed');
    expect(localize({ nl: 'Goed', en: 'Good' }, 'tr')).toBe('İyi');
  });
});

import { describe, expect, it } from 'vitest';
import { cardsAllowOwnSubtopics, conversationSheet, groundRules, openingQuestion, professionalTips, themeCards } from './feedback-conversation.js';
import { defaultReviewGuide } from './review-guide.js';

/** Open questions start with a question word; closed ones (yes/no) start with a verb. */
const openStart = { nl: /^(Hoe|Wat|Welke?|Waar|Waarom|Wie|Wanneer)\b/, en: /^(How|What|Which|Where|Why|Who|When)\b/ };
const weForm = { nl: /\b(we|wij|ons|onze|elkaar)\b/i, en: /\b(we|us|our|each other)\b/i };

function questionsIn(text: string): string[] {
  return (text.match(/[^.?!]+\?/g) ?? []).map((q) => q.trim());
}

describe('the method content, true to the Samenleerwijzer', () => {
  it('every theme card asks open questions about both people, never a yes/no question', () => {
    for (const card of themeCards) {
      for (const language of ['nl', 'en'] as const) {
        const asked = [card.title[language], card.question[language]].flatMap(questionsIn);
        expect(asked.length, `${card.id} ${language}`).toBeGreaterThan(0);
        for (const question of asked) {
          expect(question, `${card.id} ${language}`).toMatch(openStart[language]);
          expect(question, `${card.id} ${language}`).toMatch(weForm[language]);
        }
        for (const sub of card.subtopics) {
          const subQuestions = questionsIn(sub.question[language]);
          expect(subQuestions.length, sub.id).toBeGreaterThan(0);
          for (const question of subQuestions) {
            expect(question, `${sub.id} ${language}`).toMatch(openStart[language]);
            expect(question, `${sub.id} ${language}`).toMatch(weForm[language]);
          }
        }
      }
    }
  });

  it('keeps the meaning of the cards: connection is about sensing each other, listening includes understanding, clarity of agreements, and help that moves forward', () => {
    const sub = (id: string) => themeCards.flatMap((c) => c.subtopics).find((s) => s.id === id);
    expect(sub('connection')?.question.nl).toMatch(/aanvoel|voelen we aan/);
    expect(sub('connection')?.question.nl).not.toMatch(/snel/);
    expect(sub('listening')?.title.nl).toMatch(/begrijpen/);
    expect(sub('listening')?.question.nl).toMatch(/begrijpen/);
    expect(sub('agreements')?.title.nl).toBe('Duidelijkheid');
    expect(sub('support')?.question.nl).toMatch(/steun/);
    expect(sub('support')?.question.nl).toMatch(/verder/);
  });

  it('every card allows own sub-topics', () => {
    for (const card of themeCards) expect(cardsAllowOwnSubtopics[card.id], card.id).toBe(true);
  });

  it('the sheet asks for both people’s reactions: A the professional’s own, B what it did to each and the gap between meant and received', () => {
    const [a, b] = conversationSheet;
    expect(a?.section).toBe('a');
    expect(a?.prompt.nl).toMatch(/cliënt/);
    expect(a?.prompt.nl).toMatch(/u zelf/);
    expect(a?.prompt.en).toMatch(/you react yourself/);
    expect(b?.section).toBe('b');
    expect(b?.prompt.nl).toMatch(/met u/);
    expect(b?.prompt.nl).toMatch(/met de ander/);
    expect(b?.prompt.nl).toMatch(/bedoelde/);
    expect(b?.prompt.nl).toMatch(/aankwam/);
    expect(b?.question.nl).toMatch(/ander/);
  });

  it('has ground rules, tips for the professional and an open opening question', () => {
    const rules = groundRules.map((r) => r.text.nl).join(' ');
    for (const word of [/gelijk/, /moeilijk/, /veroordelen/, /zonder naam/, /houden/, /veranderen/]) expect(rules).toMatch(word);
    const tips = professionalTips.map((tip) => tip.nl).join(' ');
    for (const word of [/Bedank/, /Schrijf/, /Verdedig u niet/, /niet negatief/]) expect(tips).toMatch(word);
    for (const question of questionsIn(openingQuestion.nl)) expect(question).toMatch(openStart.nl);
  });

  it('the review guide asks about genuineness on both sides, not about a client pleasing the other', () => {
    const prompts = defaultReviewGuide.flatMap((step) => step.prompts.map((p) => p.nl)).join(' ');
    expect(prompts).toMatch(/beide kanten/);
    expect(prompts).not.toMatch(/antwoorden die de ander wil horen/);
  });
});

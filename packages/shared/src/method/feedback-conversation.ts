import type { Localized } from './text.js';

/**
 * The feedback conversation (Samenleergesprek): four theme cards with sub-topics, the three steps
 * and the conversation sheet (A/B/C). Our own plain wording. `question` texts are shown to clients
 * and stay short (A2); `description` and `prompt` texts are for the professional's screen.
 */

export const themeIds = ['collaboration', 'achievement', 'fit', 'other'] as const;
export type ThemeId = (typeof themeIds)[number];

export const subtopicIds = ['connection', 'openness', 'listening', 'goal', 'topics', 'agreements', 'result', 'situation', 'support', 'trust'] as const;
export type SubtopicId = (typeof subtopicIds)[number];

export interface Subtopic {
  id: SubtopicId;
  /** Name of a pictogram in the web app's client icon set. */
  pictogram: string;
  title: Localized;
  question: Localized;
}

export interface ThemeCard {
  id: ThemeId;
  pictogram: string;
  title: Localized;
  /** One or two short sentences for the client. */
  question: Localized;
  /** For the professional: what the theme is about. */
  description: Localized;
  subtopics: readonly Subtopic[];
}

export const themeCards: readonly ThemeCard[] = [
  {
    id: 'collaboration',
    pictogram: 'themeCollaboration',
    title: { nl: 'Hoe werken we samen?', en: 'How do we work together?' },
    question: { nl: 'Gaat het praten goed? Voelt u zich gehoord?', en: 'Does talking go well? Do you feel heard?' },
    description: {
      nl: 'Over de manier waarop we met elkaar praten, en of we ons gezien en gehoord voelen.',
      en: 'About the way we talk with each other, and whether we feel seen and heard.',
    },
    subtopics: [
      { id: 'connection', pictogram: 'subConnection', title: { nl: 'Klik', en: 'Connection' }, question: { nl: 'Begrijpen we elkaar snel?', en: 'Do we understand each other easily?' } },
      { id: 'openness', pictogram: 'subOpenness', title: { nl: 'Open zijn', en: 'Openness' }, question: { nl: 'Durven we eerlijk te zijn? Ook als het moeilijk is?', en: 'Do we dare to be honest? Even when it is hard?' } },
      { id: 'listening', pictogram: 'subListening', title: { nl: 'Luisteren', en: 'Listening' }, question: { nl: 'Luisteren we goed naar elkaar?', en: 'Do we listen well to each other?' } },
    ],
  },
  {
    id: 'achievement',
    pictogram: 'themeAchievement',
    title: { nl: 'Wat bereiken we samen?', en: 'What do we achieve together?' },
    question: { nl: 'Werken we aan wat u belangrijk vindt?', en: 'Do we work on what matters to you?' },
    description: {
      nl: 'Over wat onze gesprekken opleveren: het doel, de onderwerpen, de afspraken en het resultaat.',
      en: 'About what our conversations bring: the goal, the topics, the agreements and the result.',
    },
    subtopics: [
      { id: 'goal', pictogram: 'subGoal', title: { nl: 'Doel', en: 'Goal' }, question: { nl: 'Willen we hetzelfde bereiken?', en: 'Do we want to reach the same thing?' } },
      { id: 'topics', pictogram: 'subTopics', title: { nl: 'Onderwerpen', en: 'Topics' }, question: { nl: 'Praten we over de goede dingen? Missen we iets?', en: 'Do we talk about the right things? Do we miss something?' } },
      { id: 'agreements', pictogram: 'subAgreements', title: { nl: 'Afspraken', en: 'Agreements' }, question: { nl: 'Zijn onze afspraken duidelijk? Kunnen we ze doen?', en: 'Are our agreements clear? Can we keep them?' } },
      { id: 'result', pictogram: 'subResult', title: { nl: 'Resultaat', en: 'Result' }, question: { nl: 'Zijn we blij met wat eruit komt?', en: 'Are we happy with what comes out of it?' } },
    ],
  },
  {
    id: 'fit',
    pictogram: 'themeFit',
    title: { nl: 'Past de hulp bij u?', en: 'Does the help fit you?' },
    question: { nl: 'Past de hulp bij uw leven? Helpt het u verder?', en: 'Does the help fit your life? Does it help you forward?' },
    description: {
      nl: 'Over hoe goed de begeleiding past bij wie de cliënt is en wat hij of zij nodig heeft.',
      en: 'About how well the support fits who the client is and what they need.',
    },
    subtopics: [
      { id: 'situation', pictogram: 'subSituation', title: { nl: 'Mijn situatie', en: 'My situation' }, question: { nl: 'Past de hulp bij mijn leven?', en: 'Does the help fit my life?' } },
      { id: 'support', pictogram: 'subSupport', title: { nl: 'Hulp en advies', en: 'Help and advice' }, question: { nl: 'Helpt het advies mij verder?', en: 'Does the advice help me forward?' } },
      { id: 'trust', pictogram: 'subTrust', title: { nl: 'Vertrouwen', en: 'Trust' }, question: { nl: 'Vertrouwen we elkaar?', en: 'Do we trust each other?' } },
    ],
  },
  {
    id: 'other',
    pictogram: 'themeOther',
    title: { nl: 'Iets anders', en: 'Something else' },
    question: { nl: 'Wilt u over iets anders praten? Dat mag.', en: 'Do you want to talk about something else? That is fine.' },
    description: {
      nl: 'Een eigen onderwerp van de cliënt of van u.',
      en: "An own topic, the client's or yours.",
    },
    subtopics: [],
  },
];

export function themeCard(id: ThemeId): ThemeCard {
  const card = themeCards.find((c) => c.id === id);
  if (!card) throw new Error(`unknown theme ${id}`);
  return card;
}

/** Which theme a sub-topic belongs to; used to refuse a sub-topic under the wrong card. */
export function themeOfSubtopic(id: SubtopicId): ThemeId {
  const card = themeCards.find((c) => c.subtopics.some((s) => s.id === id));
  if (!card) throw new Error(`unknown sub-topic ${id}`);
  return card.id;
}

/** At most three moments per conversation, as the method asks: depth over breadth. */
export const maxMoments = 3;

export const sheetSections = ['a', 'b', 'c'] as const;
export type SheetSection = (typeof sheetSections)[number];

export interface SheetPrompt {
  section: SheetSection;
  pictogram: string;
  title: Localized;
  /** Guidance on the professional's screen. */
  prompt: Localized;
  /** What the client sees: one short question. */
  question: Localized;
}

export const conversationSheet: readonly SheetPrompt[] = [
  {
    section: 'a',
    pictogram: 'sheetWhat',
    title: { nl: 'A. Wat gebeurde er?', en: 'A. What happened?' },
    prompt: {
      nl: 'Vertel elkaar zo precies mogelijk wat er gezegd werd en hoe de ander reageerde. Is er een opname? Kijk of luister dan samen.',
      en: 'Tell each other as precisely as you can what was said and how the other reacted. Is there a recording? Then watch or listen together.',
    },
    question: { nl: 'Wat gebeurde er? Wat werd er gezegd?', en: 'What happened? What was said?' },
  },
  {
    section: 'b',
    pictogram: 'sheetFeeling',
    title: { nl: 'B. Wat deed het met ons?', en: 'B. What did it do to us?' },
    prompt: {
      nl: 'Wat dacht of voelde ieder van jullie op dat moment? Waarom was het goed of lastig? Bedoelde de een iets anders dan de ander begreep?',
      en: 'What did each of you think or feel at that moment? Why was it good or difficult? Did one mean something other than what the other understood?',
    },
    question: { nl: 'Wat deed het met u? Was het fijn of moeilijk?', en: 'What did it do to you? Was it nice or hard?' },
  },
  {
    section: 'c',
    pictogram: 'sheetNext',
    title: { nl: 'C. Wat houden we, wat veranderen we?', en: 'C. What do we keep, what do we change?' },
    prompt: {
      nl: 'Wat doen jullie de volgende keer anders? En wat blijft juist zoals het is, omdat het goed ging?',
      en: 'What will you do differently next time? And what stays just as it is, because it went well?',
    },
    question: { nl: 'Wat moet blijven? Wat moet anders?', en: 'What should stay? What should change?' },
  },
];

export const conversationSteps = [1, 2, 3] as const;
export type ConversationStep = (typeof conversationSteps)[number];

export const stepTexts: Readonly<Record<ConversationStep, { title: Localized; prompt: Localized; question: Localized }>> = {
  1: {
    title: { nl: 'Stap 1. Kies de momenten', en: 'Step 1. Choose the moments' },
    prompt: {
      nl: 'Kies samen één tot drie momenten om te bespreken. De themakaarten helpen. Wat de cliënt zelf koos, staat bovenaan.',
      en: 'Together, choose one to three moments to discuss. The theme cards help. What the client chose comes first.',
    },
    question: { nl: 'Waar willen we over praten?', en: 'What do we want to talk about?' },
  },
  2: {
    title: { nl: 'Stap 2. Bespreek elk moment', en: 'Step 2. Discuss each moment' },
    prompt: {
      nl: 'Loop per moment A, B en C door. Schrijf beide stemmen op: die van de cliënt en die van uzelf.',
      en: "Go through A, B and C for each moment. Write down both voices: the client's and your own.",
    },
    question: { nl: 'We praten over elk moment.', en: 'We talk about each moment.' },
  },
  3: {
    title: { nl: 'Stap 3. Samenvatten en afspreken', en: 'Step 3. Sum up and agree' },
    prompt: {
      nl: 'Vat het gesprek samen. Wat heeft ieder geleerd? Spreek acties af: wie doet wat, en wanneer?',
      en: 'Sum up the conversation. What did each of you learn? Agree actions: who does what, and by when?',
    },
    question: { nl: 'Wat hebben we geleerd? Wat gaan we doen?', en: 'What did we learn? What will we do?' },
  },
};

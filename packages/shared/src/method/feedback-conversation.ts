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
    question: { nl: 'Hoe praten we met elkaar, en hoe gehoord voelen we ons?', en: 'How do we talk with each other, and how heard do we feel?' },
    description: {
      nl: 'Over de manier waarop we met elkaar praten, en of we ons allebei gezien en gehoord voelen.',
      en: 'About the way we talk with each other, and whether we both feel seen and heard.',
    },
    subtopics: [
      { id: 'connection', pictogram: 'subConnection', title: { nl: 'Klik', en: 'Connection' }, question: { nl: 'Hoe goed voelen we aan wat de ander bedoelt?', en: 'How well do we sense what the other means?' } },
      { id: 'openness', pictogram: 'subOpenness', title: { nl: 'Open zijn', en: 'Openness' }, question: { nl: 'Hoe open zijn we tegen elkaar, ook als iets moeilijk is?', en: 'How open are we with each other, even when something is hard?' } },
      {
        id: 'listening',
        pictogram: 'subListening',
        title: { nl: 'Luisteren en begrijpen', en: 'Listening and understanding' },
        question: { nl: 'Hoe goed luisteren we naar elkaar, en hoe goed begrijpen we elkaar?', en: 'How well do we listen to each other, and how well do we understand each other?' },
      },
    ],
  },
  {
    id: 'achievement',
    pictogram: 'themeAchievement',
    title: { nl: 'Wat bereiken we samen?', en: 'What do we achieve together?' },
    question: { nl: 'Wat leveren onze gesprekken op, en hoe werken we aan onze doelen?', en: 'What do our conversations bring, and how do we work on our goals?' },
    description: {
      nl: 'Over wat onze gesprekken opleveren: het doel, de onderwerpen, hoe duidelijk de afspraken zijn en het resultaat.',
      en: 'About what our conversations bring: the goal, the topics, how clear the agreements are and the result.',
    },
    subtopics: [
      { id: 'goal', pictogram: 'subGoal', title: { nl: 'Doel', en: 'Goal' }, question: { nl: 'Hoe goed werken we aan hetzelfde doel?', en: 'How well do we work towards the same goal?' } },
      { id: 'topics', pictogram: 'subTopics', title: { nl: 'Onderwerpen', en: 'Topics' }, question: { nl: 'Welke onderwerpen vinden we belangrijk, en wat slaan we over?', en: 'Which topics do we find important, and what do we skip?' } },
      {
        id: 'agreements',
        pictogram: 'subAgreements',
        title: { nl: 'Duidelijkheid', en: 'Clarity' },
        question: { nl: 'Hoe duidelijk en haalbaar zijn de afspraken die we maken?', en: 'How clear and doable are the agreements we make?' },
      },
      { id: 'result', pictogram: 'subResult', title: { nl: 'Resultaat', en: 'Result' }, question: { nl: 'Hoe tevreden zijn we over wat we samen bereiken?', en: 'How satisfied are we with what we achieve together?' } },
    ],
  },
  {
    id: 'fit',
    pictogram: 'themeFit',
    title: { nl: 'Hoe past wat we samen doen?', en: 'How does what we do together fit?' },
    question: { nl: 'Hoe goed past wat we samen doen bij wie ik ben en wat ik nodig heb?', en: 'How well does what we do together fit who I am and what I need?' },
    description: {
      nl: 'Over hoe goed de begeleiding past bij wie de cliënt is en wat hij of zij nodig heeft.',
      en: 'About how well the support fits who the client is and what they need.',
    },
    subtopics: [
      { id: 'situation', pictogram: 'subSituation', title: { nl: 'Aansluiting', en: 'Fit with my life' }, question: { nl: 'Hoe goed past wat we samen doen bij mijn leven?', en: 'How well does what we do together fit my life?' } },
      {
        id: 'support',
        pictogram: 'subSupport',
        title: { nl: 'Advies en steun', en: 'Advice and support' },
        question: { nl: 'Hoe helpen het advies en de steun uit onze gesprekken mij verder?', en: 'How do the advice and support from our conversations help me forward?' },
      },
      { id: 'trust', pictogram: 'subTrust', title: { nl: 'Vertrouwen', en: 'Trust' }, question: { nl: 'Hoe groot is het vertrouwen tussen ons?', en: 'How much trust is there between us?' } },
    ],
  },
  {
    id: 'other',
    pictogram: 'themeOther',
    title: { nl: 'Wat willen we nog meer bespreken?', en: 'What else do we want to discuss?' },
    question: { nl: 'Waar willen we het nog meer over hebben?', en: 'What else do we want to talk about?' },
    description: {
      nl: 'Een eigen onderwerp van de cliënt of van u.',
      en: "An own topic, the client's or yours.",
    },
    subtopics: [],
  },
];

/**
 * Every card has room for own sub-topics (the empty lines on the printed cards): a few words in
 * the person's own language, beside or instead of the ones above.
 */
export const ownSubtopicMaxLength = 80;
export const cardsAllowOwnSubtopics: Readonly<Record<ThemeId, true>> = { collaboration: true, achievement: true, fit: true, other: true };

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
      nl: 'Vertel elkaar zo precies mogelijk wat er gezegd werd. Hoe reageerde de cliënt, en hoe reageerde u zelf? Is er een opname? Kijk of luister dan samen.',
      en: 'Tell each other as precisely as you can what was said. How did the client react, and how did you react yourself? Is there a recording? Then watch or listen together.',
    },
    question: { nl: 'Wat gebeurde er? Wat zeiden we, en hoe reageerden we?', en: 'What happened? What did we say, and how did we react?' },
  },
  {
    section: 'b',
    pictogram: 'sheetFeeling',
    title: { nl: 'B. Wat deed het met ons?', en: 'B. What did it do to us?' },
    prompt: {
      nl: 'Wat dacht of voelde ieder op dat moment? Wat deed het met u, en wat deed het met de ander? Waarom was het goed of lastig? Zoek samen het verschil tussen wat de een bedoelde en hoe het bij de ander aankwam.',
      en: 'What did each of you think or feel at that moment? What did it do to you, and what did it do to the other? Why was it good or difficult? Look together for the difference between what one meant and how it came across to the other.',
    },
    question: { nl: 'Wat deed het met u? En wat met de ander?', en: 'What did it do to you? And what to the other?' },
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

/** Step 1 can start with one open question from the professional to the client. */
export const openingQuestion: Localized = {
  nl: 'Wat vond u lastig in ons gesprek? Welk moment is u bijgebleven?',
  en: 'What did you find hard in our conversation? Which moment stayed with you?',
};

export interface GroundRule {
  pictogram: string;
  text: Localized;
}

/** What both agree on at the start of every feedback conversation: shown to both, every time. */
export const groundRules: readonly GroundRule[] = [
  { pictogram: 'personAndCoach', text: { nl: 'We zijn gelijk. Wat u vindt, telt net zo zwaar als wat ik vind.', en: 'We are equals. What you think counts as much as what I think.' } },
  { pictogram: 'shield', text: { nl: 'We zeggen wat we echt denken. Ook als het moeilijk is.', en: 'We say what we really think. Even when it is hard.' } },
  { pictogram: 'heart', text: { nl: 'We veroordelen elkaar niet.', en: 'We do not judge each other.' } },
  { pictogram: 'lock', text: { nl: 'Wat we hier bespreken, gaat niet zomaar verder. Lessen delen we alleen zonder naam.', en: 'What we discuss here does not simply go further. We only share lessons without names.' } },
  { pictogram: 'sheetNext', text: { nl: 'We zoeken wat we willen houden, en wat we willen veranderen.', en: 'We look for what we want to keep, and what we want to change.' } },
];

/** For the professional during the conversation: how to receive feedback. */
export const professionalTips: readonly Localized[] = [
  { nl: 'Bedank de cliënt voor elk punt. Het is moedig om dit te zeggen.', en: 'Thank the client for every point. It takes courage to say it.' },
  { nl: 'Schrijf het punt op in de woorden van de cliënt.', en: "Write the point down in the client's words." },
  { nl: 'Verdedig u niet. Vraag liever door: wat bedoelt u precies?', en: 'Do not defend yourself. Ask instead: what exactly do you mean?' },
  { nl: 'Laat merken dat feedback niet negatief is: het helpt jullie allebei.', en: 'Show that feedback is not negative: it helps you both.' },
  { nl: 'Noem ook wat goed gaat. Dat houden jullie vast.', en: 'Also name what goes well. That is what you keep.' },
];

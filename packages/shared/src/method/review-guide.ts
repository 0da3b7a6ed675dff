import type { Localized } from './text.js';

/**
 * The review guide (Kijkwijzer): prompts that help someone look at a recorded moment without
 * judging. Strengths first, then describe what happens, then what it seems to do to each person,
 * then what else could be tried. Our own plain wording. Organisations may replace the prompts
 * (not the steps); these are the defaults.
 */

export const reviewGuideStepIds = ['strengths', 'describe', 'effect', 'alternatives'] as const;
export type ReviewGuideStepId = (typeof reviewGuideStepIds)[number];

export interface ReviewGuideStep {
  id: ReviewGuideStepId;
  title: Localized;
  prompts: readonly Localized[];
}

export const defaultReviewGuide: readonly ReviewGuideStep[] = [
  {
    id: 'strengths',
    title: { nl: 'Eerst: wat gaat goed?', en: 'First: what goes well?' },
    prompts: [
      { nl: 'Wat werkt er goed in dit moment? Begin daarmee.', en: 'What works well in this moment? Start with that.' },
      { nl: 'Wat doet de professional dat de cliënt helpt?', en: 'What does the professional do that helps the client?' },
    ],
  },
  {
    id: 'describe',
    title: { nl: 'Beschrijf wat er gebeurt', en: 'Describe what happens' },
    prompts: [
      { nl: 'Welke woorden hoor je? Schrijf een paar letterlijk op.', en: 'Which words do you hear? Write a few down exactly.' },
      { nl: 'Waar valt een stilte of pauze? Hoe lang duurt die?', en: 'Where is there a silence or a pause? How long is it?' },
      { nl: 'Wat zie je aan houding, gezicht en handen?', en: 'What do you see in posture, face and hands?' },
      { nl: 'Wie bepaalt op dit moment waar het gesprek over gaat? Wie praat het meest?', en: 'Who decides what the conversation is about right now? Who talks most?' },
    ],
  },
  {
    id: 'effect',
    title: { nl: 'Wat doet het met ieder?', en: 'What does it do to each person?' },
    prompts: [
      { nl: 'Wat lijkt dit te doen met de cliënt? En met de professional?', en: 'What does this seem to do to the client? And to the professional?' },
      {
        nl: 'Hoe echt is het contact, van beide kanten? Zeggen ze allebei wat ze werkelijk denken, of houden ze iets voor zich?',
        en: 'How genuine is the contact, on both sides? Do both say what they really think, or do they keep something back?',
      },
      { nl: 'Werken beiden aan hetzelfde doel?', en: 'Are both working on the same goal?' },
      { nl: 'Past de aanpak bij hoe de cliënt zijn situatie ziet?', en: 'Does the approach fit how the client sees their situation?' },
      { nl: 'Zie je een raakmoment? Bijvoorbeeld frustratie, weerstand, afhaken of vastlopen. Of juist flow en spontaniteit?', en: 'Do you see a turning point? For example frustration, resistance, dropping out or getting stuck. Or flow and spontaneity?' },
    ],
  },
  {
    id: 'alternatives',
    title: { nl: 'Wat kan er nog meer?', en: 'What else could be tried?' },
    prompts: [
      { nl: 'Wat zou je hier ook kunnen proberen? Noem iets concreets.', en: 'What could you also try here? Name something concrete.' },
      { nl: 'Wat wil je juist zo houden?', en: 'What do you want to keep as it is?' },
      { nl: 'Welke kleine stap neem je mee naar het volgende gesprek?', en: 'Which small step do you take to the next conversation?' },
    ],
  },
];

/**
 * Tags for a moment: the three guiding questions, the turning points, and the collaboration
 * themes (the same ids as the feedback conversation's theme cards).
 */
export const momentThemeGroups = {
  guiding: ['genuine_conversation', 'shared_goal', 'fitting_approach'],
  turning_point: ['frustration', 'resistance', 'dropping_out', 'stagnation', 'flow', 'spontaneity'],
  collaboration: ['collaboration', 'achievement', 'fit'],
} as const;

export type MomentThemeGroup = keyof typeof momentThemeGroups;
export const momentThemeIds = [...momentThemeGroups.guiding, ...momentThemeGroups.turning_point, ...momentThemeGroups.collaboration] as const;
export type MomentThemeId = (typeof momentThemeIds)[number];

export const momentThemeLabels: Readonly<Record<MomentThemeId, Localized>> = {
  genuine_conversation: { nl: 'Echt gesprek', en: 'Genuine conversation' },
  shared_goal: { nl: 'Samen één doel', en: 'Shared goal' },
  fitting_approach: { nl: 'Passende aanpak', en: 'Fitting approach' },
  frustration: { nl: 'Frustratie', en: 'Frustration' },
  resistance: { nl: 'Weerstand', en: 'Resistance' },
  dropping_out: { nl: 'Afhaken', en: 'Dropping out' },
  stagnation: { nl: 'Vastlopen', en: 'Getting stuck' },
  flow: { nl: 'Flow', en: 'Flow' },
  spontaneity: { nl: 'Spontaniteit', en: 'Spontaneity' },
  collaboration: { nl: 'Hoe we samenwerken', en: 'How we work together' },
  achievement: { nl: 'Wat we samen bereiken', en: 'What we achieve together' },
  fit: { nl: 'Hoe past de hulp?', en: 'How does the help fit?' },
};

export const momentThemeGroupLabels: Readonly<Record<MomentThemeGroup, Localized>> = {
  guiding: { nl: 'Drie hoofdvragen', en: 'Three guiding questions' },
  turning_point: { nl: 'Raakmomenten', en: 'Turning points' },
  collaboration: { nl: 'Samenwerking', en: 'Collaboration' },
};

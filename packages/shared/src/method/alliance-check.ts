import type { ThemeId } from './feedback-conversation.js';
import type { Localized } from './text.js';

/**
 * The alliance check (samenwerkingscheck): a very short rating by the client after a
 * conversation, one item per theme card plus "all in all". Our own items, written for this
 * software; they deliberately do not follow any licensed scale (ORS/SRS).
 */

export const allianceItemIds = ['collaboration', 'achievement', 'fit', 'own_topics', 'overall'] as const;
export type AllianceItemId = (typeof allianceItemIds)[number];

export interface AllianceItem {
  id: AllianceItemId;
  /** The theme card it follows; null for "all in all". */
  theme: ThemeId | null;
  pictogram: string;
  question: Localized;
  /** A few words, e.g. as a column heading for the professional. */
  short: Localized;
}

export const allianceItems: readonly AllianceItem[] = [
  { id: 'collaboration', theme: 'collaboration', pictogram: 'themeCollaboration', question: { nl: 'Hoe ging het praten samen?', en: 'How did talking together go?' }, short: { nl: 'Samen praten', en: 'Talking together' } },
  { id: 'achievement', theme: 'achievement', pictogram: 'themeAchievement', question: { nl: 'Werkten we aan wat u belangrijk vindt?', en: 'Did we work on what matters to you?' }, short: { nl: 'Wat telt voor de cliënt', en: 'What matters to the client' } },
  { id: 'fit', theme: 'fit', pictogram: 'themeFit', question: { nl: 'Past de hulp bij uw leven?', en: 'Does the help fit your life?' }, short: { nl: 'Hulp past', en: 'Help fits' } },
  { id: 'own_topics', theme: 'other', pictogram: 'themeOther', question: { nl: 'Kon u alles zeggen wat u wilde?', en: 'Could you say everything you wanted?' }, short: { nl: 'Alles kunnen zeggen', en: 'Could say everything' } },
  { id: 'overall', theme: null, pictogram: 'overall', question: { nl: 'Hoe gaat het samenwerken, alles bij elkaar?', en: 'All in all, how is working together going?' }, short: { nl: 'Alles bij elkaar', en: 'All in all' } },
];

/** The visual scale: five faces, 1 = very unhappy … 5 = very happy. */
export const faceScores = [1, 2, 3, 4, 5] as const;
export type FaceScore = (typeof faceScores)[number];

export const faceLabels: Readonly<Record<FaceScore, Localized>> = {
  1: { nl: 'Heel slecht', en: 'Very bad' },
  2: { nl: 'Slecht', en: 'Bad' },
  3: { nl: 'Gaat wel', en: 'Okay' },
  4: { nl: 'Goed', en: 'Good' },
  5: { nl: 'Heel goed', en: 'Very good' },
};

/**
 * Which answers fit a question: faces for "how did it go", yes / a bit / no for a yes-no question
 * ("Kon u alles zeggen?" cannot be answered with "very bad"). Both are stored on the same 1..5
 * scale so the professional's trend stays one line.
 */
export type AllianceAnswerScale = 'faces' | 'yes_no';
export const allianceAnswerScales: Readonly<Record<AllianceItemId, AllianceAnswerScale>> = {
  collaboration: 'faces',
  achievement: 'yes_no',
  fit: 'yes_no',
  own_topics: 'yes_no',
  overall: 'faces',
};

/** yes / a bit / no, from the most positive, with the score each stands for. */
export const yesNoAnswers: ReadonlyArray<{ score: FaceScore; label: Localized }> = [
  { score: 5, label: { nl: 'Ja', en: 'Yes' } },
  { score: 3, label: { nl: 'Een beetje', en: 'A bit' } },
  { score: 1, label: { nl: 'Nee', en: 'No' } },
];

/** The words for a stored score, in the scale its question uses. */
export function allianceAnswerLabel(item: AllianceItemId, score: FaceScore): Localized {
  if (allianceAnswerScales[item] === 'yes_no') {
    const answer = yesNoAnswers.find((a) => a.score === score);
    if (answer) return answer.label;
  }
  return faceLabels[score];
}

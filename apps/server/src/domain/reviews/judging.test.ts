import { describe, expect, it } from 'vitest';
import { isOnlyJudging } from './judging.js';

describe('isOnlyJudging', () => {
  it.each(['Slecht.', 'fout!!', 'Dit was echt slecht gedaan', 'Bad', 'wrong', 'That was not good', 'Niet goed zo', 'Heel onprofessioneel'])('flags "%s"', (text) => {
    expect(isOnlyJudging(text)).toBe(true);
  });

  it.each([
    'Ik zie dat je na haar vraag lang stil bent.',
    'Je zegt "dat is fout" en daarna kijkt hij weg.',
    'Bij 2:10 praat je door haar heen, dat voelt verkeerd',
    'Misschien kun je eerst vragen wat zij wil.',
    'I hear you say the plan is wrong, and she stops talking.',
    'Goed dat je de agenda eerst noemt.',
    'Wat wilde je bereiken met deze vraag?',
    'Dit is een langere opmerking waarin het woord slecht voorkomt maar die ook uitlegt wat er gebeurt in het gesprek.',
    '',
  ])('leaves "%s" alone', (text) => {
    expect(isOnlyJudging(text)).toBe(false);
  });
});

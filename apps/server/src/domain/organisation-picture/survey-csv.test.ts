import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { parseSurveyCsv } from './survey-csv.js';

function problemsOf(text: string | Buffer): { code: string; fields: string[] } {
  try {
    parseSurveyCsv(typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, fields: (error.fields ?? []).map((f) => `${f.path}: ${f.message}`) };
    throw error;
  }
  return { code: 'ok', fields: [] };
}

describe('parseSurveyCsv', () => {
  it('reads semicolons with a BOM, a Dutch decimal comma and a percentage sign', () => {
    const lines = parseSurveyCsv(Buffer.from('\uFEFFPeriode;Thema;Score;Percentage;Respondenten\r\n2026-03;overall;7,5;;40\r\n\r\n2026-q1;fit.trust;;82%;120\r\n', 'utf8'));
    expect(lines).toEqual([
      { line: 2, period: '2026-03', code: 'overall', measure: 'score', value: 7.5, respondents: 40 },
      { line: 4, period: '2026-Q1', code: 'fit.trust', measure: 'percentage', value: 82, respondents: 120 },
    ]);
  });

  it('reads commas with quoted fields, in any column order', () => {
    const lines = parseSurveyCsv(Buffer.from('respondents,theme,period,score\n12,"collaboration",2026-02,"8.1"\n', 'utf8'));
    expect(lines).toEqual([{ line: 2, period: '2026-02', code: 'collaboration', measure: 'score', value: 8.1, respondents: 12 }]);
  });

  it('names every wrong line with its number and what is wrong', () => {
    const result = problemsOf(
      ['periode;thema;score;respondenten', '2026-03;overall;7;10', '2026-13;overall;7;10', '2026-04;wachttijd;7;10', '2026-05;overall;7;tien', '2026-06;overall;11;10', '2026-07;overall;;10', '2026-03;overall;6;10', '2026-08;overall;7'].join('\n'),
    );
    expect(result.code).toBe('survey_invalid');
    expect(result.fields).toEqual([
      'Regel 3: survey_period',
      'Regel 4: survey_theme',
      'Regel 5: survey_respondents',
      'Regel 6: survey_score',
      'Regel 7: survey_value_missing',
      'Regel 8: survey_duplicate',
      'Regel 9: survey_column_count',
    ]);
  });

  it('refuses a header without the needed columns, an unclosed quote, and both a score and a percentage', () => {
    expect(problemsOf('periode;thema;respondenten\n2026-03;overall;10\n').fields).toEqual(['Regel 1: survey_columns_missing']);
    expect(problemsOf('periode;thema;score;respondenten;opmerking\n2026-03;overall;7;10;x\n').fields).toEqual(['Regel 1: survey_column_unknown']);
    expect(problemsOf('periode;thema;score;respondenten\n2026-03;"overall;7;10\n').code).toBe('survey_invalid');
    expect(problemsOf('periode;thema;score;percentage;respondenten\n2026-03;overall;7;70;10\n').fields).toEqual(['Regel 2: survey_value_both']);
  });

  it('tells an empty, a binary and a too large file apart', () => {
    expect(problemsOf('').code).toBe('survey_empty');
    expect(problemsOf('\uFEFF\n\n').code).toBe('survey_empty');
    expect(problemsOf('periode;thema;score;respondenten\n').code).toBe('survey_empty');
    expect(problemsOf(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff])).code).toBe('survey_not_csv');
    expect(problemsOf(Buffer.from([0xff, 0xfe, 0x41, 0x42])).code).toBe('survey_not_csv');
    expect(problemsOf('gewoon een zin zonder kolommen\n').code).toBe('survey_not_csv');
    expect(problemsOf(`periode;thema;score;respondenten\n${'2026-03;overall;7;10\n'.repeat(20_000)}`).code).toBe('survey_too_large');
  });
});

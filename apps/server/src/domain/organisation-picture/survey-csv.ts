import { parse } from 'csv-parse/sync';
import { surveyCodes, surveyImportLimits, surveyPeriodPattern, type SurveyMeasure } from '@spreekkamer/shared';
import { AppError, type FieldProblem } from '../errors.js';

/** One line of a survey file, checked. */
export interface SurveyLine {
  line: number;
  period: string;
  code: string;
  measure: SurveyMeasure;
  value: number;
  respondents: number;
}

type Column = 'period' | 'theme' | 'score' | 'percentage' | 'respondents';

/** Column names people use, Dutch and English, in lower case. */
const columnNames: Readonly<Record<string, Column>> = {
  periode: 'period',
  period: 'period',
  thema: 'theme',
  theme: 'theme',
  code: 'theme',
  score: 'score',
  cijfer: 'score',
  percentage: 'percentage',
  procent: 'percentage',
  '%': 'percentage',
  respondenten: 'respondents',
  'aantal respondenten': 'respondents',
  respondents: 'respondents',
  aantal: 'respondents',
  n: 'respondents',
};

function lineProblem(line: number, message: string): FieldProblem {
  return { path: `Regel ${line}`, message };
}

/** A decimal number written the Dutch way (7,5) or the English way (7.5); nothing else. */
function decimal(text: string): number | null {
  const normalised = text.trim().replace(',', '.');
  return /^\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : null;
}

/** UTF-8 text of the file, or null when it is not text at all (a spreadsheet, a picture, a PDF). */
function textOf(file: Buffer): string | null {
  if (file.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(file);
  } catch {
    return null;
  }
}

/**
 * Reads a survey file. The dialect: UTF-8 with or without a byte order mark; the separator is a
 * semicolon when the first line has one (what Dutch spreadsheets write), else a comma; fields may
 * be quoted with double quotes; empty lines are skipped; the first line names the columns
 * (periode, thema, score and/or percentage, respondenten; Dutch or English, any case, any order).
 * Each line gives a score (0–10) or a percentage (0–100), not both. Every problem of every line is
 * reported at once, and nothing is stored when there is any (the caller only stores a whole file).
 */
export function parseSurveyCsv(file: Buffer): SurveyLine[] {
  if (file.length > surveyImportLimits.maxBytes) throw new AppError('survey_too_large');
  const text = textOf(file);
  if (text === null) throw new AppError('survey_not_csv');
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new AppError('survey_empty');
  const firstLine = body.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const delimiter = firstLine.includes(';') ? ';' : firstLine.includes(',') ? ',' : null;
  if (delimiter === null) throw new AppError('survey_not_csv');

  let records: { line: number; fields: string[] }[];
  try {
    // Each record starts with the number of the line it ends on, so an error can name its line.
    const rows = parse(body, { delimiter, relax_column_count: true, skip_empty_lines: true, on_record: (record, context) => [String(context.lines), ...record] });
    records = rows.map(([line, ...fields]) => ({ line: Number(line), fields }));
  } catch (error) {
    const line = typeof (error as { lines?: unknown }).lines === 'number' ? (error as { lines: number }).lines : 1;
    throw new AppError('survey_invalid', [lineProblem(line, 'survey_quotes')]);
  }
  const [header, ...lines] = records;
  if (!header || lines.length === 0) throw new AppError('survey_empty');
  if (lines.length > surveyImportLimits.maxLines) throw new AppError('survey_too_large');

  const columns = header.fields.map((name) => columnNames[name.trim().toLowerCase()] ?? null);
  const headerProblems: FieldProblem[] = [];
  if (columns.some((column) => column === null)) headerProblems.push(lineProblem(header.line, 'survey_column_unknown'));
  const index = (column: Column) => columns.indexOf(column);
  if (index('period') < 0 || index('theme') < 0 || index('respondents') < 0 || (index('score') < 0 && index('percentage') < 0)) {
    headerProblems.push(lineProblem(header.line, 'survey_columns_missing'));
  }
  if (headerProblems.length > 0) throw new AppError('survey_invalid', headerProblems);

  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const result: SurveyLine[] = [];
  for (const { line, fields } of lines) {
    if (fields.length !== header.fields.length) {
      problems.push(lineProblem(line, 'survey_column_count'));
      continue;
    }
    const field = (column: Column) => (index(column) < 0 ? '' : (fields[index(column)] ?? '').trim());
    const lineProblems: string[] = [];

    const period = field('period').toUpperCase();
    if (!surveyPeriodPattern.test(period)) lineProblems.push('survey_period');
    const code = field('theme').toLowerCase();
    if (!surveyCodes.includes(code)) lineProblems.push('survey_theme');

    const scoreText = field('score');
    const percentageText = field('percentage').replace(/%$/, '');
    let measure: SurveyMeasure = 'score';
    let value = 0;
    if (scoreText !== '' && percentageText !== '') lineProblems.push('survey_value_both');
    else if (scoreText === '' && percentageText === '') lineProblems.push('survey_value_missing');
    else if (scoreText !== '') {
      const score = decimal(scoreText);
      if (score === null || score > 10) lineProblems.push('survey_score');
      else value = score;
    } else {
      measure = 'percentage';
      const percentage = decimal(percentageText);
      if (percentage === null || percentage > 100) lineProblems.push('survey_percentage');
      else value = percentage;
    }

    const respondentsText = field('respondents');
    const respondents = /^\d+$/.test(respondentsText) ? Number(respondentsText) : null;
    if (respondents === null || respondents < 1) lineProblems.push('survey_respondents');

    const key = `${period}|${code}`;
    if (lineProblems.length === 0 && seen.has(key)) lineProblems.push('survey_duplicate');
    seen.add(key);
    for (const message of lineProblems) problems.push(lineProblem(line, message));
    if (lineProblems.length === 0 && respondents !== null) result.push({ line, period, code, measure, value, respondents });
  }
  if (problems.length > 0) throw new AppError('survey_invalid', problems);
  return result;
}

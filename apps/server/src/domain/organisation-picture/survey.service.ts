import { randomUUID } from 'node:crypto';
import { allianceItems, localize, surveyThemeOf, themeCards, type SurveyComparison, type SurveyImportResult, type SurveyQuestions } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { OrganisationPictureRepository } from '../../db/repositories/organisation-picture.repository.js';
import type { OrganisationsRepository } from '../../db/repositories/organisations.repository.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import { settingsOf } from '../admin/organisation-settings.js';
import { localMonth } from '../client-feedback/calendar.js';
import { AppError } from '../errors.js';
import { csvCell } from '../reviews/review-export.js';
import type { UnitOfWork } from '../unit-of-work.js';
import { parseSurveyCsv } from './survey-csv.js';
import { surveyComparisonOf } from './survey-comparison.js';

export interface SurveyDependencies {
  gate: AccessGate;
  unitOfWork: UnitOfWork;
  organisationPicture: OrganisationPictureRepository;
  organisations: OrganisationsRepository;
  now: Clock;
}

/** The theme cards as survey questions, in the order of the method: all in all first. */
export function surveyQuestions(language: 'nl' | 'en' = 'nl'): SurveyQuestions['questions'] {
  const overall = allianceItems.find((item) => item.theme === null);
  return [
    ...(overall ? [{ code: 'overall', theme: 'overall' as const, kind: 'overall' as const, title: localize(overall.short, language), question: localize(overall.question, language) }] : []),
    ...themeCards.flatMap((card) => [
      { code: card.id, theme: surveyThemeOf(card.id), kind: 'theme' as const, title: localize(card.title, language), question: localize(card.question, language) },
      ...card.subtopics.map((subtopic) => ({
        code: `${card.id}.${subtopic.id}`,
        theme: surveyThemeOf(card.id),
        kind: 'subtopic' as const,
        title: localize(subtopic.title, language),
        question: localize(subtopic.question, language),
      })),
    ]),
  ];
}

/**
 * The client satisfaction survey (KTO), both ways (seed 000 §6.4.3: renew the existing routine).
 * In: a survey's own summary per period and theme, checked line by line and stored only whole.
 * Out: the theme cards as the survey's questions, with the codes the import reads back.
 */
export class SurveyService {
  constructor(private readonly deps: SurveyDependencies) {}

  async importResults(actor: Actor, file: Buffer): Promise<SurveyImportResult> {
    await requireAccess(this.deps.gate, { actor, permission: 'survey.import' });
    const lines = parseSurveyCsv(file);
    const importedAt = this.deps.now().toISOString();
    const rows = lines.map((line) => ({ id: randomUUID(), organisation_id: actor.organisationId, period: line.period, code: line.code, measure: line.measure, value: line.value, respondents: line.respondents, imported_at: importedAt }));
    const periods = [...new Set(lines.map((line) => line.period))].sort();
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.organisationPicture.replaceSurveyResults(actor.organisationId, rows);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'survey.imported', details: { lines: rows.length, periods } });
    });
    return { lines: rows.length, periods };
  }

  async comparison(actor: Actor, year?: number): Promise<SurveyComparison> {
    await requireAccess(this.deps.gate, { actor, permission: 'survey.view' });
    const organisation = await this.deps.organisations.findById(actor.organisationId);
    if (!organisation) throw new AppError('not_found');
    return surveyComparisonOf(this.deps.organisationPicture, actor.organisationId, settingsOf(organisation).minimumGroupSize, localMonth(this.deps.now()), year ?? null);
  }

  async questions(actor: Actor): Promise<SurveyQuestions> {
    await requireAccess(this.deps.gate, { actor, permission: 'survey.view' });
    return { questions: surveyQuestions() };
  }

  async questionsCsv(actor: Actor): Promise<{ filename: string; body: string }> {
    await requireAccess(this.deps.gate, { actor, permission: 'survey.view' });
    const kinds = { overall: 'alles bij elkaar', theme: 'themakaart', subtopic: 'onderwerp' } as const;
    const rows = [['code', 'soort', 'titel', 'vraag'], ...surveyQuestions().map((q) => [q.code, kinds[q.kind], q.title, q.question])];
    return { filename: 'vragen-klanttevredenheid.csv', body: `\uFEFF${rows.map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n` };
  }
}

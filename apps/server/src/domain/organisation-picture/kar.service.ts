import { randomUUID } from 'node:crypto';
import {
  hasPermission,
  karContentSchema,
  yearlyAgendaFigureIds,
  yearlySignalFigureIds,
  type Insight,
  type InsightFigureId,
  type KarCanvas,
  type KarCanvasList,
  type KarContent,
  type SignalKind,
  type SignalTheme,
  type YearlyPicture,
  type YearlySignalAnswer,
} from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { KarCanvasRow, OrganisationPictureRepository } from '../../db/repositories/organisation-picture.repository.js';
import type { OrganisationsRepository } from '../../db/repositories/organisations.repository.js';
import type { SignalsRepository } from '../../db/repositories/signals.repository.js';
import type { TeamsRepository } from '../../db/repositories/teams.repository.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import { settingsOf } from '../admin/organisation-settings.js';
import { localDay, localMonth } from '../client-feedback/calendar.js';
import { AppError } from '../errors.js';
import type { InsightService } from '../insight/insight.service.js';
import type { UnitOfWork } from '../unit-of-work.js';
import { surveyComparisonOf } from './survey-comparison.js';
import { yearlyPictureCsv } from './yearly-picture-csv.js';

export interface KarDependencies {
  gate: AccessGate;
  unitOfWork: UnitOfWork;
  organisationPicture: OrganisationPictureRepository;
  organisations: OrganisationsRepository;
  teams: TeamsRepository;
  /** The anonymous insight answer (engineer C's service): only its public methods, never its queries. */
  insight: Pick<InsightService, 'teams' | 'organisation'>;
  /** Only the answers given to signals, counted; never a signal or its sender. */
  signals: Pick<SignalsRepository, 'answersOfYear' | 'isManagementTeamMember'>;
  now: Clock;
}

const organisationScope = 'organisation';
const emptyContent: KarContent = { factors: [] };

/**
 * KAR as a dialogue, not a report (seed 004): a team, or the organisation, writes critical success
 * factors → activities → expected results, each with its why from both sides, where we start and
 * the behaviour it asks; and revisits it during the year. A team's canvas is its members' and team
 * lead's; the organisation's is for policy advisors and managers. Nobody's name is kept with it.
 */
export class KarService {
  constructor(private readonly deps: KarDependencies) {}

  async list(actor: Actor): Promise<KarCanvasList> {
    await requireAccess(this.deps.gate, { actor, permission: 'kar.canvas' });
    const places: KarCanvasList['places'] = [];
    if (hasPermission(actor.roles, 'kar.team')) {
      for (const teamId of new Set([...actor.teamIds.professional, ...actor.teamIds.manager])) {
        const team = await this.deps.teams.findInOrganisation(actor.organisationId, teamId);
        if (team) places.push({ scope: 'team', teamId: team.id, name: team.name });
      }
    }
    places.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    if (hasPermission(actor.roles, 'kar.organisation')) places.unshift({ scope: 'organisation', teamId: null, name: await this.organisationName(actor.organisationId) });
    const names = new Map(places.map((place) => [place.teamId ?? organisationScope, place.name]));
    const rows = await this.deps.organisationPicture.canvasesOf(actor.organisationId, [...names.keys()]);
    return {
      canvases: rows.map((row) => ({ id: row.id, scope: row.team_id ? 'team' : 'organisation', teamId: row.team_id, name: names.get(row.scope_key) ?? '', year: row.year, updatedAt: row.updated_at })),
      places,
      year: Number(localDay(this.deps.now()).slice(0, 4)),
    };
  }

  async start(actor: Actor, input: { teamId: string | null; year: number }): Promise<KarCanvas> {
    await requireAccess(this.deps.gate, input.teamId ? { actor, permission: 'team.member', ids: [input.teamId] } : { actor, permission: 'kar.organisation' });
    const scopeKey = input.teamId ?? organisationScope;
    if (await this.deps.organisationPicture.findCanvasByScope(actor.organisationId, scopeKey, input.year)) throw new AppError('kar_canvas_exists');
    const now = this.deps.now().toISOString();
    const row: KarCanvasRow = { id: randomUUID(), organisation_id: actor.organisationId, team_id: input.teamId, scope_key: scopeKey, year: input.year, content_json: JSON.stringify(emptyContent), created_at: now, updated_at: now };
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      await repositories.organisationPicture.insertCanvas(row);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'kar.canvas_started', subjectType: 'kar_canvas', subjectId: row.id, details: { scope: input.teamId ? 'team' : 'organisation', year: input.year } });
    });
    return this.view(row);
  }

  async get(actor: Actor, id: string): Promise<KarCanvas> {
    await requireAccess(this.deps.gate, { actor, permission: 'kar_canvas.member', ids: [id] });
    return this.view(await this.canvas(id));
  }

  async save(actor: Actor, id: string, input: { content: KarContent; note: string; basedOn: string }): Promise<KarCanvas> {
    await requireAccess(this.deps.gate, { actor, permission: 'kar_canvas.member', ids: [id] });
    const canvas = await this.canvas(id);
    const now = this.deps.now();
    const today = localDay(now);
    const revisions = await this.deps.organisationPicture.revisionsOf(id);
    // One dated line per day is enough history without a note; a note always gets its own line.
    const addRevision = input.note !== '' || !revisions.some((revision) => revision.revised_on === today);
    const updatedAt = now.toISOString() === canvas.updated_at ? new Date(now.getTime() + 1).toISOString() : now.toISOString();
    await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      if (!(await repositories.organisationPicture.updateCanvas(id, JSON.stringify(input.content), updatedAt, input.basedOn))) throw new AppError('kar_canvas_changed');
      if (addRevision) await repositories.organisationPicture.insertRevision({ id: randomUUID(), canvas_id: id, revised_on: today, note: input.note, created_at: updatedAt });
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'kar.canvas_revised', subjectType: 'kar_canvas', subjectId: id, details: { factors: input.content.factors.length } });
    });
    return this.view({ ...canvas, content_json: JSON.stringify(input.content), updated_at: updatedAt });
  }

  async picture(actor: Actor, id: string): Promise<YearlyPicture> {
    await requireAccess(this.deps.gate, { actor, permission: 'kar_canvas.member', ids: [id] });
    return this.yearlyPicture(actor, await this.canvas(id));
  }

  async pictureCsv(actor: Actor, id: string): Promise<{ filename: string; body: string }> {
    await requireAccess(this.deps.gate, { actor, permission: 'kar_canvas.member', ids: [id] });
    const picture = await this.yearlyPicture(actor, await this.canvas(id));
    return { filename: `jaarbeeld-${picture.canvas.year}.csv`, body: yearlyPictureCsv(picture) };
  }

  private async yearlyPicture(actor: Actor, row: KarCanvasRow): Promise<YearlyPicture> {
    const canvas = await this.view(row);
    const organisation = await this.deps.organisations.findById(actor.organisationId);
    if (!organisation) throw new AppError('not_found');
    const k = settingsOf(organisation).minimumGroupSize;
    const insight = await this.insightFor(actor, row.team_id);
    const pick = (ids: readonly InsightFigureId[]) => (insight?.figures ?? []).filter((figure) => ids.includes(figure.id));
    const answers = row.team_id ? [] : await this.signalAnswers(actor, Number(row.year), k);
    const apart: readonly InsightFigureId[] = [...yearlyAgendaFigureIds, ...yearlySignalFigureIds];
    return {
      canvas,
      insight: insight ? { ...insight, figures: insight.figures.filter((figure) => !apart.includes(figure.id)) } : null,
      survey: await surveyComparisonOf(this.deps.organisationPicture, actor.organisationId, k, localMonth(this.deps.now()), row.year),
      agenda: { available: insight !== null, figures: pick(yearlyAgendaFigureIds) },
      signals: { available: insight !== null || answers.length > 0, figures: pick(yearlySignalFigureIds), answers },
    };
  }

  /**
   * The answers policy and the management team gave in the canvas's year, for the organisation's
   * canvas only (a team's would tie answers to its members) and only those the reader receives
   * anyway: a policy advisor the signals to policy, a management team member those to the MT. How
   * many signals an answer reached is shown only when at least k people sent them.
   */
  private async signalAnswers(actor: Actor, year: number, k: number): Promise<YearlySignalAnswer[]> {
    const asPolicy = actor.roles.includes('policy_advisor');
    const asManagement = actor.roles.includes('manager') && (await this.deps.signals.isManagementTeamMember(actor.userId));
    const rows = await this.deps.signals.answersOfYear(actor.organisationId, year, asPolicy, asManagement);
    return rows.map((answer) => ({
      groupName: answer.groupName,
      answer: answer.answer,
      status: answer.status,
      theme: answer.theme as SignalTheme | null,
      kind: answer.kind as SignalKind | null,
      month: answer.month,
      signals: answer.senders >= k ? answer.signals : null,
    }));
  }

  /** The insight page's own answer, as far as this person may see it: a team lead their team, a policy advisor the organisation. */
  private async insightFor(actor: Actor, teamId: string | null): Promise<Insight | null> {
    if (teamId) {
      if (!hasPermission(actor.roles, 'insight.team') || !actor.teamIds.manager.includes(teamId)) return null;
      const insight = await this.deps.insight.teams(actor);
      // A lead of several teams sees this team's rows here; the scores are the organisation's, for everyone.
      return { ...insight, figures: insight.figures.map((figure) => (figure.kind === 'scores' ? figure : { ...figure, rows: figure.rows.filter((row) => row.id === teamId) })) };
    }
    return hasPermission(actor.roles, 'insight.organisation') ? this.deps.insight.organisation(actor) : null;
  }

  private async canvas(id: string): Promise<KarCanvasRow> {
    const row = await this.deps.organisationPicture.findCanvas(id);
    if (!row) throw new AppError('not_found');
    return row;
  }

  private async organisationName(organisationId: string): Promise<string> {
    const organisation = await this.deps.organisations.findById(organisationId);
    if (!organisation) throw new AppError('not_found');
    return organisation.name;
  }

  private async view(row: KarCanvasRow): Promise<KarCanvas> {
    const team = row.team_id ? await this.deps.teams.findInOrganisation(row.organisation_id, row.team_id) : undefined;
    const revisions = await this.deps.organisationPicture.revisionsOf(row.id);
    const parsed = karContentSchema.safeParse(JSON.parse(row.content_json));
    return {
      id: row.id,
      scope: row.team_id ? 'team' : 'organisation',
      teamId: row.team_id,
      name: team?.name ?? (await this.organisationName(row.organisation_id)),
      year: Number(row.year),
      content: parsed.success ? parsed.data : emptyContent,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      revisions: revisions.map((revision) => ({ on: revision.revised_on, note: revision.note })),
    };
  }
}

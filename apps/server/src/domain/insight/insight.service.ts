import { insightMetrics, type Insight, type InsightGroup } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { InsightCounts, InsightScope } from '../../db/repositories/insight.repository.js';
import { requirePermission, type Actor } from '../access.js';
import { settingsOf } from '../admin/organisation-settings.js';
import { AppError } from '../errors.js';

export interface InsightDependencies {
  insight: Repositories['insight'];
  teams: Repositories['teams'];
  organisations: Repositories['organisations'];
  now: Clock;
}

/** The period every figure covers: the last 13 weeks. */
export const insightPeriodDays = 91;
const dayMs = 24 * 3600_000;

/**
 * Anonymous insight (invariant 7): counts of the learning routine for a team lead's own teams or,
 * for a policy advisor, the organisation. A figure is shown only when at least the organisation's
 * minimum group size of people contributed to it, and a group smaller than that shows nothing.
 * The home page and the insight page read this same answer.
 */
export class InsightService {
  private readonly now: Clock;

  constructor(private readonly deps: InsightDependencies) {
    this.now = deps.now;
  }

  async teams(actor: Actor): Promise<Insight> {
    requirePermission(actor, 'insight.team');
    const k = await this.minimumGroupSize(actor.organisationId);
    const groups: InsightGroup[] = [];
    for (const teamId of actor.teamIds.manager) {
      const team = await this.deps.teams.findInOrganisation(actor.organisationId, teamId);
      if (!team) continue;
      groups.push(await this.group(team.id, team.name, { organisationId: actor.organisationId, teamIds: [team.id] }, k));
    }
    return { scope: 'teams', minimumGroupSize: k, ...this.period(), groups: groups.sort((a, b) => a.name.localeCompare(b.name, 'nl')) };
  }

  async organisation(actor: Actor): Promise<Insight> {
    requirePermission(actor, 'insight.organisation');
    const organisation = await this.deps.organisations.findById(actor.organisationId);
    if (!organisation) throw new AppError('not_found');
    const k = settingsOf(organisation).minimumGroupSize;
    return { scope: 'organisation', minimumGroupSize: k, ...this.period(), groups: [await this.group(organisation.id, organisation.name, { organisationId: organisation.id, teamIds: null }, k)] };
  }

  private period(): { from: string; to: string } {
    const to = this.now();
    return { from: new Date(to.getTime() - insightPeriodDays * dayMs).toISOString(), to: to.toISOString() };
  }

  private async group(id: string, name: string, scope: InsightScope, k: number): Promise<InsightGroup> {
    const people = await this.deps.insight.peopleIn(scope);
    const empty = Object.fromEntries(insightMetrics.map((metric) => [metric, null])) as InsightGroup['figures'];
    if (people < k) return { id, name, enoughPeople: false, figures: empty };
    const { from, to } = this.period();
    const counts: InsightCounts = await this.deps.insight.counts(scope, from, to);
    // Suppress every figure that fewer than k people contributed to, zero included: "nobody did" is about each of them.
    const figures = Object.fromEntries(insightMetrics.map((metric) => [metric, counts[metric].people >= k ? counts[metric].count : null])) as InsightGroup['figures'];
    return { id, name, enoughPeople: true, figures };
  }

  private async minimumGroupSize(organisationId: string): Promise<number> {
    const organisation = await this.deps.organisations.findById(organisationId);
    if (!organisation) throw new AppError('not_found');
    return settingsOf(organisation).minimumGroupSize;
  }
}

import { randomUUID } from 'node:crypto';
import { declineReasonIds, hasPermission, type DeclineReasonId, type DeclineReasonTotals } from '@spreekkamer/shared';
import type { DeclineReasonsRepository } from '../../db/repositories/decline-reasons.repository.js';
import type { OrganisationsRepository } from '../../db/repositories/organisations.repository.js';
import type { Actor } from '../access.js';
import { settingsOf } from '../admin/organisation-settings.js';
import { AppError } from '../errors.js';
import { localMonth } from '../client-feedback/calendar.js';

/** Never fewer than five answers behind a number, whatever the organisation sets. */
export const declineReasonMinimum = 5;

/**
 * Saying no, counted honestly. A client who declines consent or a feedback invitation may give one
 * reason; it is stored with organisation and month only, so nobody (not even with the database)
 * can tell whose it was or about which professional. It comes back only as organisation totals,
 * and only from `declineReasonMinimum` (or the organisation's higher minimum group size) up.
 */
export class DeclineReasonsService {
  constructor(private readonly deps: { reasons: DeclineReasonsRepository; organisations: OrganisationsRepository; now: () => Date }) {}

  /** Called by the decline itself (consent or feedback invitation); no actor, no link. */
  async record(organisationId: string, kind: 'consent' | 'feedback', reason: DeclineReasonId): Promise<void> {
    await this.deps.reasons.insert({ id: randomUUID(), organisation_id: organisationId, month: localMonth(this.deps.now()), kind, reason });
  }

  async totals(actor: Actor): Promise<DeclineReasonTotals> {
    if (!hasPermission(actor.roles, 'insight.team') && !hasPermission(actor.roles, 'insight.organisation')) throw new AppError('forbidden');
    const organisation = await this.deps.organisations.findById(actor.organisationId);
    if (!organisation) throw new AppError('not_found');
    const minimum = Math.max(declineReasonMinimum, settingsOf(organisation).minimumGroupSize);
    const counts = await this.deps.reasons.countPerReason(actor.organisationId);
    const kinds = (['consent', 'feedback'] as const).map((kind) => {
      const ofKind = counts.filter((c) => c.kind === kind);
      const total = ofKind.reduce((sum, c) => sum + c.n, 0);
      if (total < minimum) return { kind, total: null, reasons: [] };
      // A reason chosen by fewer people than the minimum is left out; it still counts in the total.
      const reasons = declineReasonIds.flatMap((reason) => {
        const count = ofKind.find((c) => c.reason === reason)?.n ?? 0;
        return count >= minimum ? [{ reason, count }] : [];
      });
      return { kind, total, reasons };
    });
    return { minimum, kinds };
  }
}

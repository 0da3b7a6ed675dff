import { declineReasonIds, type DeclineReasonTotals } from '@spreekkamer/shared';
import type { DeclineReasonsRepository } from '../../db/repositories/decline-reasons.repository.js';
import type { OrganisationsRepository } from '../../db/repositories/organisations.repository.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import { settingsOf } from '../admin/organisation-settings.js';
import { AppError } from '../errors.js';

/** Never fewer than five answers behind a number, whatever the organisation sets. */
export const declineReasonMinimum = 5;

/**
 * Saying no, counted honestly. A client who declines consent or a feedback invitation may give one
 * reason; it is stored with organisation and month only, so nobody (not even with the database)
 * can tell whose it was or about which professional. It comes back only as organisation totals,
 * and only from `declineReasonMinimum` (or the organisation's higher minimum group size) up.
 * Storing a reason has no actor: see DeclineReasonCounter (decline-reasons.ts).
 */
export class DeclineReasonsService {
  constructor(private readonly deps: { gate: AccessGate; reasons: Pick<DeclineReasonsRepository, 'countPerReason'>; organisations: OrganisationsRepository }) {}

  async totals(actor: Actor): Promise<DeclineReasonTotals> {
    await requireAccess(this.deps.gate, { actor, permission: 'insight.decline_reasons' });
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

import { randomUUID } from 'node:crypto';
import type { DeclineReasonId } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { DeclineReasonsRepository } from '../../db/repositories/decline-reasons.repository.js';
import { localMonth } from '../client-feedback/calendar.js';

/**
 * Counts one reason for saying no, with organisation and month only: no client, no professional,
 * no conversation and no time, so nothing links it back. No actor either: the client's decline
 * (consent, or a feedback invitation such as the alliance check) calls it after it is done; the
 * composition root hands it to those services. The totals are read through DeclineReasonsService.
 */
export class DeclineReasonCounter {
  constructor(private readonly deps: { reasons: Pick<DeclineReasonsRepository, 'insert'>; now: Clock }) {}

  async record(organisationId: string, kind: 'consent' | 'feedback', reason: DeclineReasonId): Promise<void> {
    await this.deps.reasons.insert({ id: randomUUID(), organisation_id: organisationId, month: localMonth(this.deps.now()), kind, reason });
  }
}

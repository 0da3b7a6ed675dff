import { createHash } from 'node:crypto';
import type { AuditEventRow, AuditRepository } from '../db/repositories/audit.repository.js';

/** Metadata only: ids, counts, role names, flags. Never content, never names or e-mail addresses. */
export type AuditDetails = Record<string, string | number | boolean | null | readonly string[]>;

export interface AuditEntry {
  organisationId: string | null;
  actorUserId: string | null;
  /** `area.verb`, e.g. `auth.login`, `recording.viewed`. */
  action: `${string}.${string}`;
  subjectType?: string;
  subjectId?: string;
  details?: AuditDetails;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBrokenSeq: number | null;
}

type HashedFields = Pick<AuditEventRow, 'organisation_id' | 'at' | 'actor_user_id' | 'action' | 'subject_type' | 'subject_id' | 'details_json'>;

function hashEvent(prevHash: string, fields: HashedFields): string {
  const canonical = JSON.stringify([
    prevHash,
    fields.organisation_id,
    fields.at,
    fields.actor_user_id,
    fields.action,
    fields.subject_type,
    fields.subject_id,
    fields.details_json,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Told about every entry after it is written; a listener's failure never fails the action. */
export type AuditListener = (entry: AuditEntry) => Promise<void>;

/** Append-only, hash-chained: changing, removing or reordering any entry breaks the chain. */
export class AuditLog {
  constructor(
    private readonly repository: AuditRepository,
    private readonly now: () => Date = () => new Date(),
    private readonly onListenerError: (error: unknown) => void = () => undefined,
    private readonly listeners: AuditListener[] = [],
    /** Set for a log bound to a transaction: listeners hear of entries only once it committed. */
    private readonly heldBack?: AuditEntry[],
  ) {}

  listen(listener: AuditListener): void {
    this.listeners.push(listener);
  }

  /**
   * The same log, writing through `repository` (bound to a transaction). Listeners (notifications,
   * the shred ledger) do their own writes, so they are told only by `afterCommit`, and never about
   * entries that were rolled back.
   */
  boundTo(repository: AuditRepository): { audit: AuditLog; afterCommit(): Promise<void> } {
    const heldBack: AuditEntry[] = [];
    return {
      audit: new AuditLog(repository, this.now, this.onListenerError, this.listeners, heldBack),
      afterCommit: async () => {
        for (const entry of heldBack.splice(0)) await this.tellListeners(entry);
      },
    };
  }

  async record(entry: AuditEntry): Promise<void> {
    const fields: HashedFields = {
      organisation_id: entry.organisationId,
      at: this.now().toISOString(),
      actor_user_id: entry.actorUserId,
      action: entry.action,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId ?? null,
      details_json: JSON.stringify(entry.details ?? {}),
    };
    await this.repository.append(fields, (prevHash) => hashEvent(prevHash, fields));
    if (this.heldBack) this.heldBack.push(entry);
    else await this.tellListeners(entry);
  }

  private async tellListeners(entry: AuditEntry): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(entry);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  async verify(): Promise<AuditVerification> {
    let prevHash = '';
    let checked = 0;
    for await (const row of this.repository.inOrder()) {
      if (row.prev_hash !== prevHash || row.hash !== hashEvent(row.prev_hash, row)) {
        return { ok: false, checked, firstBrokenSeq: row.seq };
      }
      prevHash = row.hash;
      checked += 1;
    }
    return { ok: true, checked, firstBrokenSeq: null };
  }
}

import { randomBytes, randomUUID } from 'node:crypto';
import type { MomentRow } from '../../db/repositories/moments.repository.js';
import type { ShareCutRow, ShareCutsRepository } from '../../db/repositories/share-cuts.repository.js';
import type { ShareRow } from '../../db/repositories/shares.repository.js';
import type { JobQueue } from '../../jobs/index.js';
import { shareStateOf } from './share-content.js';

/** A cut still pending after this long is queued again (the queue keeps one job per cut). */
const STALE_PENDING_MS = 2 * 60_000;

export interface ShareCutsDependencies {
  cuts: ShareCutsRepository;
  queue: Pick<JobQueue, 'enqueue'>;
  now: () => Date;
}

/**
 * Which exact cuts exist (one per shared moment per share) and when they go. Making one is a
 * job (SpanCutter); ending one deletes its row, and with it the salt of its key, in the request
 * itself, and leaves its files to a retried job. Never reads or writes media.
 */
export class ShareCuts {
  constructor(private readonly deps: ShareCutsDependencies) {}

  /** New cuts for these moments of an active share, each with a fresh salt, handed to the job queue. */
  async cut(share: ShareRow, moments: readonly MomentRow[]): Promise<ShareCutRow[]> {
    const at = this.deps.now().toISOString();
    const rows: ShareCutRow[] = moments.map((moment) => ({
      id: randomUUID(),
      share_id: share.id,
      moment_id: moment.id,
      recording_id: share.recording_id,
      start_seconds: Number(moment.start_seconds),
      end_seconds: Number(moment.end_seconds),
      salt: randomBytes(32).toString('base64url'),
      status: 'pending',
      created_at: at,
      updated_at: at,
    }));
    await this.deps.cuts.insert(rows);
    for (const row of rows) await this.deps.queue.enqueue('share.cut', { cutId: row.id }, { singletonKey: `cut:${row.id}` });
    return rows;
  }

  /** The cut a viewer of this share plays for this moment; made now when there is none yet (shares from before cuts existed). */
  async current(share: ShareRow, moment: MomentRow): Promise<ShareCutRow> {
    const existing = await this.deps.cuts.findFor(share.id, moment.id);
    if (existing && existing.start_seconds === Number(moment.start_seconds) && existing.end_seconds === Number(moment.end_seconds)) {
      // Pending for long: its job may have been lost (a crash between the row and the queue); hand it over again.
      if (existing.status === 'pending' && this.deps.now().getTime() - Date.parse(existing.updated_at) > STALE_PENDING_MS) {
        await this.deps.queue.enqueue('share.cut', { cutId: existing.id }, { singletonKey: `cut:${existing.id}` });
      }
      return existing;
    }
    if (existing) await this.discard([existing]);
    const [made] = await this.cut(share, [moment]);
    if (!made) throw new Error('no cut made');
    return made;
  }

  /** Keys first (the rows with their salts), files after by a job that is retried until it succeeds. */
  async discard(cuts: readonly ShareCutRow[]): Promise<void> {
    if (cuts.length === 0) return;
    await this.deps.cuts.delete(cuts.map((c) => c.id));
    const byRecording = new Map<string, string[]>();
    for (const cut of cuts) byRecording.set(cut.recording_id, [...(byRecording.get(cut.recording_id) ?? []), cut.id]);
    for (const [recordingId, cutIds] of byRecording) await this.deps.queue.enqueue('share.cuts.erase', { recordingId, cutIds });
  }

  /** Revoked: every cut of the share goes. */
  async endShare(shareId: string): Promise<void> {
    await this.discard(await this.deps.cuts.listForShares([shareId]));
  }

  /**
   * Someone left a group (or was removed): the group's cuts get new keys, so a key the leaver
   * fetched opens nothing that is served from now on. The old rows and files go at once.
   */
  async rekey(shares: readonly ShareRow[], momentsOf: (share: ShareRow) => Promise<MomentRow[]>): Promise<void> {
    const now = this.deps.now();
    for (const share of shares) {
      const old = await this.deps.cuts.listForShares([share.id]);
      await this.discard(old);
      if (shareStateOf(share, now) === 'active') await this.cut(share, (await momentsOf(share)).filter((m) => old.some((c) => c.moment_id === m.id)));
    }
  }

  /** A moment's span changed or the moment is gone: its cuts go; a changed one is cut again on the next view. */
  async momentChanged(momentId: string): Promise<void> {
    await this.discard(await this.deps.cuts.listForMoment(momentId));
  }

  /** The sweep job: cuts of shares that were revoked, have expired or are gone. */
  async sweep(): Promise<number> {
    const ended = await this.deps.cuts.listEnded(this.deps.now().toISOString());
    await this.discard(ended);
    return ended.length;
  }

  /** Expiry needs no request: a sweep is queued for the moment the share ends (and runs daily too). */
  async scheduleExpiry(share: Pick<ShareRow, 'expires_at'>): Promise<void> {
    const seconds = Math.ceil((Date.parse(share.expires_at) - this.deps.now().getTime()) / 1000) + 5;
    if (Number.isFinite(seconds) && seconds > 0) await this.deps.queue.enqueue('share.cuts.sweep', {}, { delaySeconds: seconds });
  }
}

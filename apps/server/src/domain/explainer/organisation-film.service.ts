import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { OrganisationFilm } from '@spreekkamer/shared';
import type { Clock } from '../../clock.js';
import type { OrganisationFilmRow, OrganisationFilmsRepository } from '../../db/repositories/organisation-films.repository.js';
import type { WorkFolders } from '../../jobs/work-folders.js';
import { MediaRejectedError, probeMedia, type MediaTools } from '../../media/index.js';
import type { ByteRange, BlobStore } from '../../storage/blob-store.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import type { ClientSession } from '../client-access/client-access.service.js';
import { AppError } from '../errors.js';
import type { UnitOfWork } from '../unit-of-work.js';

/** An organisation film: an explainer of a few minutes, not a recording. */
export const filmLimits = { maxBytes: 200 * 1024 * 1024, maxDurationSeconds: 15 * 60 } as const;

export interface FilmBody {
  stream: Readable;
  size: number;
  range: ByteRange | null;
}

export interface OrganisationFilmDependencies {
  gate: AccessGate;
  unitOfWork: UnitOfWork;
  films: Pick<OrganisationFilmsRepository, 'find'>;
  blobs: BlobStore;
  workFolders: WorkFolders;
  tools: MediaTools;
  now: Clock;
}

function describe(row: OrganisationFilmRow): OrganisationFilm {
  return { durationSeconds: Number(row.duration_seconds), sizeBytes: Number(row.size_bytes), uploadedAt: row.uploaded_at };
}

/**
 * The organisation's own explainer film (seed 000: a voorlichtingsfilm), added by an administrator
 * and shown to staff and to clients through their link, beside the app's own picture story. It
 * holds no personal data, so it is stored as it is: an mp4 with H.264 picture that every browser
 * plays, checked with ffprobe before it is kept.
 */
export class OrganisationFilmService {
  private readonly now: Clock;

  constructor(private readonly deps: OrganisationFilmDependencies) {
    this.now = deps.now;
  }

  async upload(actor: Actor, body: Readable): Promise<OrganisationFilm> {
    await requireAccess(this.deps.gate, { actor, permission: 'admin.settings' });
    const work = await this.deps.workFolders.create(actor.organisationId);
    try {
      const file = path.join(work, 'film.mp4');
      let received = 0;
      body.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received > filmLimits.maxBytes) body.destroy(new AppError('film_too_large'));
      });
      try {
        await pipeline(body, createWriteStream(file, { mode: 0o600 }));
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError('film_invalid');
      }
      const info = await probeMedia(file, filmLimits, this.deps.tools).catch((error: unknown) => {
        if (error instanceof MediaRejectedError) throw new AppError(error.code === 'too_large' ? 'film_too_large' : 'film_invalid');
        throw error;
      });
      if (info.container !== 'mov' || !info.hasVideo || info.videoCodec !== 'h264' || (info.hasAudio && info.audioCodec !== 'aac')) throw new AppError('film_invalid');

      const row: OrganisationFilmRow = {
        organisation_id: actor.organisationId,
        blob_key: `organisations/${actor.organisationId}/film/${randomUUID()}.mp4`,
        content_type: 'video/mp4',
        size_bytes: (await stat(file)).size,
        duration_seconds: Math.round(info.durationSeconds * 1000) / 1000,
        uploaded_by: actor.userId,
        uploaded_at: this.now().toISOString(),
      };
      await this.deps.blobs.putFile(row.blob_key, file, row.content_type);
      const previous = await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
        const replaced = await repositories.organisationFilms.replace(row);
        await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'explainer.film_uploaded', details: { bytes: row.size_bytes } });
        return replaced;
      });
      if (previous) await this.deps.blobs.delete(previous.blob_key);
      return describe(row);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }

  async remove(actor: Actor): Promise<void> {
    await requireAccess(this.deps.gate, { actor, permission: 'admin.settings' });
    const previous = await this.deps.unitOfWork.run(async ({ repositories, audit }) => {
      const removed = await repositories.organisationFilms.remove(actor.organisationId);
      await audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'explainer.film_removed' });
      return removed;
    });
    if (previous) await this.deps.blobs.delete(previous.blob_key);
  }

  /** Every logged-in staff member of the organisation may see whether there is a film. */
  async info(actor: Actor): Promise<OrganisationFilm | null> {
    await requireAccess(this.deps.gate, { actor, permission: 'account.self' });
    const row = await this.deps.films.find(actor.organisationId);
    return row ? describe(row) : null;
  }

  /** A client sees the film of the organisation their session belongs to, while they are still its client. */
  async clientInfo(session: ClientSession): Promise<OrganisationFilm | null> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'client.self', ids: [session.clientId] });
    const row = await this.deps.films.find(session.organisationId);
    return row ? describe(row) : null;
  }

  async film(actor: Actor, range: ByteRange | null): Promise<FilmBody> {
    await requireAccess(this.deps.gate, { actor, permission: 'account.self' });
    return this.body(actor.organisationId, range);
  }

  async clientFilm(session: ClientSession, range: ByteRange | null): Promise<FilmBody> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'client.self', ids: [session.clientId] });
    return this.body(session.organisationId, range);
  }

  private async body(organisationId: string, range: ByteRange | null): Promise<FilmBody> {
    const row = await this.deps.films.find(organisationId);
    if (!row) throw new AppError('not_found');
    const size = Number(row.size_bytes);
    const clamped = range && range.start < size ? { start: range.start, end: Math.min(range.end, size - 1) } : null;
    return { stream: await this.deps.blobs.getStream(row.blob_key, clamped ?? undefined), size, range: clamped };
  }
}

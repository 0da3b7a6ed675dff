import { momentThemeIds, type Comment, type Moment, type MomentThemeId, type Outcome } from '@spreekkamer/shared';
import type { CommentWithAuthor, OutcomeWithAuthor } from '../../db/repositories/comments.repository.js';
import type { MomentRow } from '../../db/repositories/moments.repository.js';

const knownThemes = new Set<string>(momentThemeIds);

export function themesOf(json: string): MomentThemeId[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((t): t is MomentThemeId => typeof t === 'string' && knownThemes.has(t)) : [];
}

export function toMoment(row: MomentRow): Moment {
  return {
    id: row.id,
    recordingId: row.recording_id,
    startSeconds: Number(row.start_seconds),
    endSeconds: Number(row.end_seconds),
    title: row.title,
    themes: themesOf(row.themes_json),
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toComment(row: CommentWithAuthor): Comment {
  return {
    id: row.id,
    momentId: row.moment_id,
    shareId: row.share_id,
    parentId: row.parent_id,
    authorId: row.author_id,
    authorName: row.author_name,
    atSeconds: Number(row.at_seconds),
    kind: row.kind,
    body: row.body,
    takeaway: row.takeaway === 1,
    createdAt: row.created_at,
  };
}

export function toOutcome(row: OutcomeWithAuthor): Outcome {
  return { id: row.id, recordingId: row.recording_id, shareId: row.share_id, kind: row.kind, text: row.text, authorId: row.author_id, authorName: row.author_name, createdAt: row.created_at };
}

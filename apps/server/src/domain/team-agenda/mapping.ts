import { z } from 'zod';
import { themeIdSchema, type AgendaItem, type AgendaMeeting, type SignalStatus } from '@spreekkamer/shared';
import type { AgendaItemRead, AgendaMeetingRow } from '../../db/repositories/team-agenda.repository.js';

const themesSchema = z.array(themeIdSchema);

/**
 * The one way an item leaves the server. It never carries the author's id; the name only when the
 * author chose to be named (the repository joins it only then), and `mine` for the author alone.
 */
export function toAgendaItem(row: AgendaItemRead, readerId: string, signalStatuses: readonly SignalStatus[] = []): AgendaItem {
  const themes = themesSchema.safeParse(JSON.parse(row.themes));
  return {
    id: row.id,
    teamId: row.team_id,
    kind: row.kind,
    text: row.text,
    themes: themes.success ? themes.data : [],
    status: row.status,
    agreement: row.agreement,
    meetingId: row.meeting_id,
    createdAt: row.created_at,
    mine: row.author_id !== null && row.author_id === readerId,
    authorName: row.named === 1 ? row.named_author_name : null,
    signalStatuses: [...signalStatuses],
  };
}

export function toAgendaMeeting(row: AgendaMeetingRow): AgendaMeeting {
  return { id: row.id, date: row.meeting_date, note: row.note };
}

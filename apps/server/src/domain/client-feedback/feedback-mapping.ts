import {
  clientLocaleOf,
  themePickSchema,
  type ClientFeedback,
  type ConversationShortVersion,
  type FeedbackAction,
  type FeedbackChangeRequest,
  type FeedbackDetail,
  type FeedbackEntry,
  type FeedbackMoment,
  type FeedbackParticipant,
  type ThemePick,
} from '@spreekkamer/shared';
import { z } from 'zod';
import type { ActionRow, ChangeRequestRow, EntryRow, FeedbackBundle, MomentRow, ParticipantRow, ParticipantWithClient } from '../../db/repositories/feedback.repository.js';

const picksSchema = z.array(themePickSchema);

export function parsePicks(json: string): ThemePick[] {
  const parsed = picksSchema.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : [];
}

export function dedupePicks(picks: readonly ThemePick[]): ThemePick[] {
  const seen = new Set<string>();
  return picks.filter((p) => {
    const key = `${p.theme}:${p.subtopic ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function clampStep(step: number): 1 | 2 | 3 {
  return step <= 1 ? 1 : step >= 3 ? 3 : 2;
}

/** The short version written for one participant, in the language it was written for; null when none. */
function shortVersionOf(p: ParticipantRow): ConversationShortVersion {
  if (!p.short_summary && !p.short_agreements) return null;
  return { locale: clientLocaleOf(p.short_locale), summary: p.short_summary ?? '', agreements: p.short_agreements ?? '' };
}

function toParticipant(p: ParticipantWithClient): FeedbackParticipant {
  return {
    id: p.id,
    clientId: p.client_id,
    pseudonym: p.pseudonym,
    displayName: p.display_name,
    anonymous: p.anonymous === 1,
    introSeen: p.intro_seen === 1,
    preparedAt: p.prepared_at,
    picks: parsePicks(p.picks_json),
    ownWords: p.own_words === '' ? null : p.own_words,
    hasVoiceNote: Number(p.has_voice_note) === 1,
    erased: p.erased,
    locale: clientLocaleOf(p.client_locale),
    shortVersion: shortVersionOf(p),
  };
}

function toMoment(m: MomentRow, erased: ReadonlySet<string>, watchTogether: ReadonlySet<string>): FeedbackMoment {
  return {
    id: m.id,
    position: m.position,
    theme: m.theme as FeedbackMoment['theme'],
    subtopic: m.subtopic as FeedbackMoment['subtopic'],
    ownSubtopic: m.own_subtopic,
    title: m.title,
    erased: erased.has(m.id),
    recording: m.recording_id ? { recordingId: m.recording_id, startSeconds: m.start_seconds, endSeconds: m.end_seconds, watchTogether: watchTogether.has(m.recording_id) } : null,
  };
}

function toEntry(e: EntryRow, erased: ReadonlySet<string>): FeedbackEntry {
  return { id: e.id, momentId: e.moment_id, section: e.section, participantId: e.participant_id, text: e.text, erased: erased.has(e.id), updatedAt: e.updated_at };
}

function toAction(a: ActionRow, erased: ReadonlySet<string>): FeedbackAction {
  return { id: a.id, owner: a.owner, participantId: a.participant_id, what: a.what, erased: erased.has(a.id), dueOn: a.due_on, done: a.done_at !== null };
}

function toChangeRequest(c: ChangeRequestRow, erased: ReadonlySet<string>): FeedbackChangeRequest {
  return { id: c.id, participantId: c.participant_id, target: c.target, targetId: c.target_id, note: c.note, erased: erased.has(c.id), via: c.via, status: c.status, createdAt: c.created_at };
}

/** The professional's whole view; `watchTogether` holds the recordings the client may watch with them. */
export function toFeedbackDetail(bundle: FeedbackBundle, watchTogether: ReadonlySet<string>): FeedbackDetail {
  const { feedback, erased } = bundle;
  return {
    id: feedback.id,
    status: feedback.status,
    step: clampStep(feedback.step),
    group: bundle.participants.length > 1,
    conversationId: feedback.conversation_id,
    invitationExpiresAt: feedback.invitation_expires_at,
    createdAt: feedback.created_at,
    startedAt: feedback.started_at,
    completedAt: feedback.completed_at,
    summary: feedback.summary,
    summaryErased: erased.has('summary'),
    participants: bundle.participants.map(toParticipant),
    moments: bundle.moments.map((m) => toMoment(m, erased, watchTogether)),
    entries: bundle.entries.map((e) => toEntry(e, erased)),
    actions: bundle.actions.map((a) => toAction(a, erased)),
    changeRequests: bundle.changeRequests.map((c) => toChangeRequest(c, erased)),
  };
}

/**
 * One participant's view. Other participants appear only by the name they chose, and not at all
 * when anonymous; their client ids, pseudonyms and preparations never leave the server.
 */
export function toClientFeedback(bundle: FeedbackBundle, me: ParticipantWithClient, view: { professionalName: string; canPrepare: boolean }): ClientFeedback {
  const { feedback } = bundle;
  const others = new Map(bundle.participants.filter((p) => p.id !== me.id).map((p) => [p.id, p.anonymous === 1 ? null : p.display_name]));
  const voice = (participantId: string | null) =>
    participantId === null ? { kind: 'professional' as const, name: null } : participantId === me.id ? { kind: 'me' as const, name: null } : { kind: 'other' as const, name: others.get(participantId) ?? null };
  return {
    id: feedback.id,
    status: feedback.status,
    step: clampStep(feedback.step),
    group: bundle.participants.length > 1,
    professionalName: view.professionalName,
    invitationExpiresAt: feedback.invitation_expires_at,
    canPrepare: view.canPrepare,
    me: {
      anonymous: me.anonymous === 1,
      displayName: me.display_name,
      introSeen: me.intro_seen === 1,
      prepared: me.prepared_at !== null,
      picks: parsePicks(me.picks_json),
      ownWords: me.own_words,
      hasVoiceNote: Number(me.has_voice_note) === 1,
      shortVersion: shortVersionOf(me),
    },
    moments: bundle.moments.map((m) => ({
      id: m.id,
      position: m.position,
      theme: m.theme as FeedbackMoment['theme'],
      subtopic: m.subtopic as FeedbackMoment['subtopic'],
      ownSubtopic: m.own_subtopic,
      title: m.title,
      erased: bundle.erased.has(m.id),
      hasRecording: m.recording_id !== null,
    })),
    entries: bundle.entries.map((e) => ({ id: e.id, momentId: e.moment_id, section: e.section, voice: voice(e.participant_id), text: e.text })),
    summary: feedback.summary,
    actions: bundle.actions.map((a) => {
      const owner = a.owner === 'client' ? (a.participant_id === me.id ? 'me' : 'other') : a.owner;
      return { id: a.id, owner, ownerName: owner === 'other' ? (others.get(a.participant_id ?? '') ?? null) : null, what: a.what, dueOn: a.due_on, done: a.done_at !== null };
    }),
    myChangeRequests: bundle.changeRequests
      .filter((c) => c.participant_id === me.id)
      .map((c) => ({ id: c.id, target: c.target, targetId: c.target_id, note: c.note, status: c.status, createdAt: c.created_at })),
  };
}

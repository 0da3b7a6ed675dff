import type { AuditLog } from '../../audit/audit-log.js';
import type { FeedbackRepository } from '../../db/repositories/feedback.repository.js';
import { requireAccess, type AccessGate, type Actor } from '../access/index.js';
import type { ClientSession } from '../client-access/client-access.service.js';
import { AppError } from '../errors.js';
import { assertMayPrepare, assertOpen, type FeedbackLoader } from './feedback-loader.js';
import { openVoiceNote, sealVoiceNote } from './voice-note-crypto.js';
import type { VoiceNoteProbe } from './voice-note-probe.js';

export interface FeedbackVoiceNotesDependencies {
  gate: AccessGate;
  loader: FeedbackLoader;
  feedback: FeedbackRepository;
  audit: AuditLog;
  masterKey: Buffer;
  probeVoiceNote: VoiceNoteProbe;
  now: () => Date;
}

type VoiceNote = { audio: Buffer; contentType: string };

/** A client's spoken preparation: recorded on their own device, sealed, heard only by their professional, gone once the conversation is held. */
export class FeedbackVoiceNotesService {
  constructor(private readonly deps: FeedbackVoiceNotesDependencies) {}

  async forProfessional(actor: Actor, id: string, participantId: string): Promise<VoiceNote> {
    await requireAccess(this.deps.gate, { actor, permission: 'feedback.owner', ids: [id] });
    const participant = (await this.deps.loader.bundle(id)).participants.find((p) => p.id === participantId);
    if (!participant) throw new AppError('not_found');
    const note = await this.read(participant.id);
    await this.deps.audit.record({ organisationId: actor.organisationId, actorUserId: actor.userId, action: 'feedback.voice_note_played', subjectType: 'feedback', subjectId: id });
    return note;
  }

  async clientPut(session: ClientSession, id: string, audio: Buffer, contentType: string): Promise<{ durationSeconds: number }> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'feedback.participant', ids: [id] });
    const { bundle, me } = await this.deps.loader.asParticipant(session, id);
    assertMayPrepare(bundle.feedback, this.deps.now());
    if (audio.length === 0) throw new AppError('voice_note_invalid');
    const { durationSeconds } = await this.deps.probeVoiceNote(audio);
    const sealed = sealVoiceNote(this.deps.masterKey, audio);
    const at = this.deps.now().toISOString();
    await this.deps.feedback.replaceVoiceNote({ participant_id: me.id, wrapped_key: sealed.wrappedKey, ciphertext: sealed.ciphertext, content_type: contentType, duration_seconds: durationSeconds, created_at: at });
    await this.deps.feedback.update(id, { updated_at: at });
    await this.deps.audit.record({ organisationId: session.organisationId, actorUserId: null, action: 'feedback.voice_note_saved', subjectType: 'feedback', subjectId: id, details: { seconds: Math.round(durationSeconds) } });
    return { durationSeconds };
  }

  async clientGet(session: ClientSession, id: string): Promise<VoiceNote> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'feedback.participant', ids: [id] });
    const { me } = await this.deps.loader.asParticipant(session, id);
    return this.read(me.id);
  }

  async clientDelete(session: ClientSession, id: string): Promise<void> {
    await requireAccess(this.deps.gate, { clientSession: session, permission: 'feedback.participant', ids: [id] });
    const { bundle, me } = await this.deps.loader.asParticipant(session, id);
    assertOpen(bundle.feedback);
    await this.deps.feedback.deleteVoiceNote(me.id);
    await this.deps.feedback.update(id, { updated_at: this.deps.now().toISOString() });
    await this.deps.audit.record({ organisationId: session.organisationId, actorUserId: null, action: 'feedback.voice_note_deleted', subjectType: 'feedback', subjectId: id });
  }

  private async read(participantId: string): Promise<VoiceNote> {
    const note = await this.deps.feedback.findVoiceNote(participantId);
    if (!note) throw new AppError('not_found');
    return { audio: openVoiceNote(this.deps.masterKey, { wrappedKey: note.wrapped_key, ciphertext: note.ciphertext }), contentType: note.content_type };
  }
}

import type { AuditLog } from '../../audit/audit-log.js';
import type { Repositories } from '../../db/repositories/index.js';
import type { FeedbackRepository } from '../../db/repositories/feedback.repository.js';
import type { AccessGate } from '../access/index.js';
import type { ConsentPolicy, ConsentWithdrawalListener } from '../consent/index.js';
import { ClientFeedbackService } from './client-feedback.service.js';
import { FeedbackLoader } from './feedback-loader.js';
import { FeedbackHomeService } from './feedback-home.service.js';
import { FeedbackItemsService } from './feedback-items.service.js';
import { FeedbackLifecycleService } from './feedback-lifecycle.service.js';
import { FeedbackViews } from './feedback-views.js';
import { FeedbackVoiceNotesService } from './feedback-voice-notes.service.js';
import type { RecordingLookup } from './recording-lookup.js';
import type { VoiceNoteProbe } from './voice-note-probe.js';
import type { Clock } from '../../clock.js';

export { AllianceService, signalFor } from './alliance.service.js';
export { FollowUpService } from './follow-up.service.js';
export { PreparationHelpService } from './preparation-help.service.js';
export { recordingLookup, type RecordingLookup } from './recording-lookup.js';
export { voiceNoteProbe } from './voice-note-probe.js';

export type FeedbackServices = ReturnType<typeof createFeedbackServices>;

/**
 * The feedback conversation (Samenleergesprek), one service per concern, all sharing one way in
 * (`FeedbackLoader`) and one way out (`FeedbackViews`). Professionals reach only their own
 * conversations; clients only the ones they take part in, through their own client session.
 */
export function createFeedbackServices(
  repositories: Pick<Repositories, 'feedback' | 'clients' | 'conversations' | 'users' | 'alliance' | 'followUps'>,
  deps: {
    gate: AccessGate;
    consentPolicy: ConsentPolicy;
    /** Absent while recordings are not available: moments then cannot link a fragment. */
    recordings?: RecordingLookup | undefined;
    audit: AuditLog;
    masterKey: Buffer;
    probeVoiceNote: VoiceNoteProbe;
    /** Second line after an erasure (SQLite: checkpoint the WAL into the zeroed main file). */
    scrub?: (() => Promise<void>) | undefined;
    now: Clock;
  },
) {
  const { now } = deps;
  const { feedback, users } = repositories;
  const { audit, gate } = deps;
  const loader = new FeedbackLoader({ feedback, now });
  const views = new FeedbackViews({ loader, feedback, users, consentPolicy: deps.consentPolicy, recordings: deps.recordings, audit, now });
  return {
    lifecycle: new FeedbackLifecycleService({ gate, loader, views, feedback, clients: repositories.clients, conversations: repositories.conversations, audit, now }),
    items: new FeedbackItemsService({ gate, loader, views, feedback, recordings: deps.recordings, now }),
    voiceNotes: new FeedbackVoiceNotesService({ gate, loader, feedback, audit, masterKey: deps.masterKey, probeVoiceNote: deps.probeVoiceNote, now }),
    home: new FeedbackHomeService({ gate, feedback, followUps: repositories.followUps, now }),
    client: new ClientFeedbackService({ gate, loader, views, feedback, users, alliance: repositories.alliance, followUps: repositories.followUps, audit, scrub: deps.scrub, now }),
  };
}

/**
 * A withdrawal also removes the links from feedback moments to that conversation's recordings
 * (times in a recording are derived data). What was said in the feedback conversation stays: it
 * is the client's and professional's own, not part of the recording. Idempotent.
 */
export function feedbackWithdrawalListener(feedback: FeedbackRepository): ConsentWithdrawalListener {
  return {
    async onConsentWithdrawn(event) {
      await feedback.unlinkRecordingsOfConversation(event.conversationId);
    },
  };
}

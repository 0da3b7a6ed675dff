import type { FeedbackRepository } from '../../db/repositories/feedback.repository.js';
import type { NoShareRepository } from '../../db/repositories/no-share.repository.js';
import type { ConsentWithdrawalListener } from '../consent/withdrawal.js';
import type { RecordingLookup } from './feedback.service.js';

export { AllianceService, signalFor } from './alliance.service.js';
export { FeedbackService, type RecordingLookup } from './feedback.service.js';
export { FollowUpService } from './follow-up.service.js';
export { PreparationHelpService } from './preparation-help.service.js';
export { voiceNoteProbe } from './voice-note-probe.js';

/** The seam to recordings: moments may point at the professional's own ready recordings. */
export function recordingLookup(feedback: FeedbackRepository, noShare: NoShareRepository): RecordingLookup {
  return {
    async noShareStretches(recordingId) {
      return (await noShare.listForRecording(recordingId)).map((s) => [Number(s.start_seconds), Number(s.end_seconds)] as const);
    },
    async findOwnReady(professionalId, recordingId) {
      const row = await feedback.findOwnReadyRecording(professionalId, recordingId);
      return row ? { conversationId: row.conversation_id } : null;
    },
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

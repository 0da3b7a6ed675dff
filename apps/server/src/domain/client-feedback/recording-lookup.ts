import type { FeedbackRepository } from '../../db/repositories/feedback.repository.js';
import type { NoShareRepository } from '../../db/repositories/no-share.repository.js';

/** The recordings feature, seen from here: only "is this the professional's own playable recording, of which conversation". */
export interface RecordingLookup {
  findOwnReady(professionalId: string, recordingId: string): Promise<{ conversationId: string } | null>;
  /** "Niet delen" stretches of that recording: a fragment may not overlap one. */
  noShareStretches(recordingId: string): Promise<(readonly [number, number])[]>;
}

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

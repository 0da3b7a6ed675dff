import type { JobHandlers } from '../../jobs/index.js';
import type { RecordingEraser } from './erasure.js';
import type { RecordingProcessor } from './processing.js';
import type { RetentionRunner } from './retention.js';
import type { SpanCutter } from './span-cuts.js';
import type { StretchCutter } from './stretch-cut.js';

export interface RecordingJobDependencies {
  processor: RecordingProcessor;
  eraser: RecordingEraser;
  retention: RetentionRunner;
  /** Makes the demo recording's media and hands it to processing (see seed/demo-recording.ts). */
  demo: (recordingId: string) => Promise<void>;
  /** Conversation rhythm after processing (see domain/rhythm). */
  rhythm: { analyse(recordingId: string, signal: AbortSignal): Promise<void>; giveUp(recordingId: string): Promise<void> };
  /** Exact cuts of shared spans. */
  spanCutter: SpanCutter;
  /** "Niet delen" stretches cut out of the stored media. */
  stretchCutter: StretchCutter;
}

/** Jobs that main.ts adds from other features. */
export type OtherFeatureJobs = 'learning.reminders' | 'share.cuts.sweep' | 'notifications.digest';

/** The recordings' part of the handler table; main.ts adds the other features' jobs (the type makes a missing one a compile error there). */
export function recordingJobHandlers(deps: RecordingJobDependencies): Omit<JobHandlers, OtherFeatureJobs> {
  return {
    'recording.process': {
      run: ({ recordingId }, context) => deps.processor.process(recordingId, context),
      onGiveUp: ({ recordingId }) => deps.processor.giveUp(recordingId),
    },
    'recording.erase': {
      run: ({ recordingId, uploadId }) => deps.eraser.erase(recordingId, uploadId),
    },
    'recordings.retention': {
      run: async () => {
        await deps.retention.run();
      },
    },
    'recording.demo': {
      run: ({ recordingId }) => deps.demo(recordingId),
    },
    'recording.rhythm': {
      run: ({ recordingId }, context) => deps.rhythm.analyse(recordingId, context.signal),
      onGiveUp: ({ recordingId }) => deps.rhythm.giveUp(recordingId),
    },
    'share.cut': {
      run: ({ cutId }, context) => deps.spanCutter.cut(cutId, context),
      onGiveUp: ({ cutId }) => deps.spanCutter.giveUp(cutId),
    },
    'recording.stretch_cut': {
      run: ({ stretchId }, context) => deps.stretchCutter.cut(stretchId, context),
      onGiveUp: ({ stretchId }) => deps.stretchCutter.giveUp(stretchId),
    },
    'share.cuts.erase': {
      run: ({ recordingId, cutIds }) => deps.spanCutter.erase(recordingId, cutIds),
    },
  };
}

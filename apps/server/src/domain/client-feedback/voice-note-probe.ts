import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { voiceNoteLimits } from '@spreekkamer/shared';
import { MediaRejectedError, probeMedia, type MediaTools } from '../../media/index.js';
import { AppError } from '../errors.js';

export type VoiceNoteProbe = (audio: Buffer) => Promise<{ durationSeconds: number }>;

/**
 * Checks a voice note with the real ffprobe/ffmpeg before it is stored: it must be sound only,
 * complete, and short. The plain audio exists on disk only for the few milliseconds of the check,
 * in a private temporary folder that is removed right after.
 */
export function voiceNoteProbe(tools: MediaTools): VoiceNoteProbe {
  return async (audio) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sk-voice-'));
    try {
      const file = path.join(dir, 'note');
      await writeFile(file, audio, { mode: 0o600 });
      const info = await probeMedia(file, { maxBytes: voiceNoteLimits.maxBytes, maxDurationSeconds: voiceNoteLimits.maxSeconds }, tools);
      if (info.hasVideo) throw new AppError('voice_note_invalid');
      return { durationSeconds: info.durationSeconds };
    } catch (error) {
      if (error instanceof MediaRejectedError) throw new AppError(error.code === 'too_long' ? 'voice_note_too_long' : error.code === 'too_large' ? 'payload_too_large' : 'voice_note_invalid');
      throw error;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}

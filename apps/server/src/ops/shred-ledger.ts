import { appendFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DeletionReason } from '../domain/recordings/erasure.js';

const LINE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}) (withdrawn|retention|professional|abandoned)$/;

const REASONS: readonly DeletionReason[] = ['withdrawn', 'retention', 'professional', 'abandoned'];

export function isDeletionReason(value: string): value is DeletionReason {
  return (REASONS as readonly string[]).includes(value);
}

export interface ShreddedRecording {
  recordingId: string;
  reason: DeletionReason;
}

/**
 * The recordings whose key was destroyed, one `<id> <reason>` line each, kept next to the
 * database but never in a backup. A backup made before a withdrawal still holds that recording's
 * wrapped key; restoring applies this ledger, so the withdrawal holds in the restored copy too.
 * It holds ids only: nothing about a person.
 */
export class ShredLedger {
  static fileIn(dataDir: string): string {
    return path.join(dataDir, 'shredded-recordings.log');
  }

  constructor(readonly file: string) {}

  async append(entry: ShreddedRecording): Promise<void> {
    await appendFile(this.file, `${entry.recordingId} ${entry.reason}\n`, { mode: 0o600, flush: true });
  }

  async entries(): Promise<ShreddedRecording[]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const entries: ShreddedRecording[] = [];
    for (const line of text.split('\n')) {
      const match = LINE.exec(line.trim());
      const reason = match?.[2];
      if (match?.[1] && reason && isDeletionReason(reason)) entries.push({ recordingId: match[1], reason });
    }
    return entries;
  }
}

// For `npm run bench`: times cutEncryptedHls on a plaintext MPEG-TS file, as the share job would.
// Usage: node --import tsx scripts/lib/cut-span.ts <input.ts> <offsetSeconds> <durationSeconds> <outputDir>
// Prints the seconds the cut took (after tsx has started, so only the work itself counts).
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { cutEncryptedHls } from '../../apps/server/src/media/index.js';

const [input = '', offset = '0', duration = '0', outputDir = ''] = process.argv.slice(2);
const started = performance.now();
await cutEncryptedHls({
  input: createReadStream(input),
  offsetSeconds: Number(offset),
  durationSeconds: Number(duration),
  audioOnly: false,
  outputDir,
  mediaKey: randomBytes(16),
  keyUri: 'key',
  keyDir: path.join(outputDir, '..', 'cut-job'),
});
process.stdout.write(`${(performance.now() - started) / 1000}\n`);

// `npm run bench` part: conversation rhythm. Accuracy on the generated dialogue set (DER with a
// 0.25 s collar and talk-share error, per dialogue, one microphone and two), then the speed of
// analysing a long recording on one core as a multiple of real time, next to ffmpeg only
// decoding the same audio to PCM, and the analysis' peak memory.
//
//   node scripts/bench-rhythm.mjs [--minutes 30] [--only accuracy|speed]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';
import { DIALOGUES, makeDialogue } from './fixtures/make-dialogue.mjs';

const here = fileURLToPath(import.meta.url);
const rhythmModule = path.join(path.dirname(here), '..', 'apps', 'server', 'src', 'media', 'rhythm', 'index.ts');
const { values } = parseArgs({ options: { minutes: { type: 'string', default: '30' }, child: { type: 'string' }, only: { type: 'string' } } });

const say = (line) => process.stdout.write(`${line}\n`);
const fmt = (n, digits = 1) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** One core: taskset when the system has it. */
function oneCore(cmd, args) {
  return process.platform === 'linux' ? ['taskset', ['-c', '0', cmd, ...args]] : [cmd, args];
}

/**
 * CPU seconds of this process's finished children (user + system), from /proc: on a busy machine
 * wall time says more about the other processes than about ours. null where there is no /proc.
 */
function childrenCpuSeconds() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

function timed(cmd, args) {
  const [bin, argv] = oneCore(cmd, args);
  return new Promise((resolve, reject) => {
    const cpuBefore = childrenCpuSeconds();
    const started = process.hrtime.bigint();
    const child = spawn(bin, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const cpuAfter = childrenCpuSeconds();
      const cpuSeconds = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
      if (code === 0) resolve({ seconds, cpuSeconds, out });
      else reject(new Error(`${cmd} failed: ${err.slice(-500)}`));
    });
  });
}

if (values.child) {
  // Child: analyse one file and report its own time and peak memory.
  const { analyseRhythm } = await tsImport(rhythmModule, import.meta.url);
  const started = performance.now();
  const result = await analyseRhythm(values.child, { channels: 'mono' });
  process.stdout.write(JSON.stringify({ seconds: (performance.now() - started) / 1000, turns: result.turns.length, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

const { analyseRhythm, diarizationError, talkShareError } = await tsImport(rhythmModule, import.meta.url);
const work = await mkdtemp(path.join(os.tmpdir(), 'spreekkamer-bench-rhythm-'));
try {
  if (values.only !== 'speed') {
  say('');
  say('Conversation rhythm: accuracy on generated Dutch dialogues (DER with 0.25 s collar; talk share error in points)');
  say('  dialogue      voices                 channels  DER     missed  false alarm  confusion  talk share error');
  for (const stereo of [false, true]) {
    for (const spec of DIALOGUES) {
      const truth = await makeDialogue({ out: path.join(work, `${spec.name}${stereo ? '-2ch' : ''}.wav`), spec, stereo });
      const result = await analyseRhythm(truth.file, { channels: 'auto' });
      const e = diarizationError(truth.turns, result.turns);
      const ref = e.scored || 1;
      say(
        `  ${spec.name.padEnd(13)} ${spec.voices.join(' / ').padEnd(22)} ${(stereo ? 'two' : 'one').padEnd(9)} ${fmt(e.der * 100).padStart(5)}%  ${fmt((e.missed / ref) * 100).padStart(5)}%  ${fmt((e.falseAlarm / ref) * 100).padStart(10)}%  ${fmt((e.confusion / ref) * 100).padStart(8)}%  ${fmt(talkShareError(truth.turns, result.turns)).padStart(6)}`,
      );
    }
  }
  }

  if (values.only !== 'accuracy') {
  const minutes = Number(values.minutes);
  const spec = DIALOGUES[0];
  const oneRound = await makeDialogue({ out: path.join(work, 'round.wav'), spec });
  const repeat = Math.max(1, Math.ceil((minutes * 60) / oneRound.durationSeconds));
  say(`Preparing a ${minutes}-minute two-voice recording …`);
  const long = await makeDialogue({ out: path.join(work, 'long.wav'), spec, repeat });
  const m4a = path.join(work, 'long.m4a');
  await timed('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', '-i', long.file, '-c:a', 'aac', '-b:a', '96k', m4a]);
  const decode = await timed('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-threads', '1', '-i', m4a, '-ac', '1', '-ar', '16000', '-f', 'f32le', '-y', '/dev/null']);
  const analysis = await timed(process.execPath, [here, '--child', m4a]);
  const child = JSON.parse(analysis.out);
  say(`Conversation rhythm: speed on one core (${fmt(long.durationSeconds / 60, 1)}-minute AAC recording, load average ${fmt(os.loadavg()[0], 1)})`);
  const cpu = (t) => (t.cpuSeconds === null ? '' : `; CPU ${fmt(long.durationSeconds / t.cpuSeconds)} × real time (${fmt(t.cpuSeconds)} s)`);
  say(`  analysis (decode + voice activity + two voices):  ${fmt(long.durationSeconds / analysis.seconds)} × real time  (${fmt(analysis.seconds)} s wall${cpu(analysis)})`);
  say(`  ffmpeg only decoding the same audio to PCM:       ${fmt(long.durationSeconds / decode.seconds)} × real time  (${fmt(decode.seconds)} s wall${cpu(decode)})`);
  say(`  analysis / decoding time:                         ${fmt(analysis.seconds / decode.seconds)} ×`);
  say(`  peak memory of the analysis process:              ${fmt(child.maxRssMb, 0)} MB`);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}

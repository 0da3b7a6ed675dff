import { runFfprobe, type MediaTools } from './ffmpeg.js';

/**
 * How long a media file really plays: from the first to the end of the last packet of its longest
 * stream. ffprobe's own duration of an MPEG-TS file is an estimate that can be off by a few tenths
 * for sound-only streams, too coarse to prove that a cut holds exactly what was asked.
 */
export async function playedSeconds(file: string, tools: MediaTools = {}): Promise<number> {
  const { stdout } = await runFfprobe(['-print_format', 'json', '-show_entries', 'packet=stream_index,pts_time,duration_time', file], {
    ffprobePath: tools.ffprobe,
  });
  const packets = (JSON.parse(stdout) as { packets?: { stream_index: number; pts_time?: string; duration_time?: string }[] }).packets ?? [];
  const spans = new Map<number, { from: number; to: number }>();
  for (const packet of packets) {
    const pts = Number(packet.pts_time);
    if (!Number.isFinite(pts)) continue;
    const end = pts + (Number(packet.duration_time) || 0);
    const span = spans.get(packet.stream_index);
    if (!span) spans.set(packet.stream_index, { from: pts, to: end });
    else spans.set(packet.stream_index, { from: Math.min(span.from, pts), to: Math.max(span.to, end) });
  }
  return Math.max(0, ...[...spans.values()].map((s) => s.to - s.from));
}

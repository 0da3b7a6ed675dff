export { runFfmpeg, runFfprobe } from './ffmpeg.js';
export type { MediaTools } from './ffmpeg.js';
export { MediaRejectedError, probeMedia } from './probe.js';
export type { MediaLimits } from './probe.js';
export {
  HLS_SEGMENT_NAME,
  cutEncryptedHls,
  removeSpanEncryptedHls,
  packageEncryptedHls,
  parseHlsPlaylist,
  PLAYLIST_NAME,
  renderHlsPlaylist,
  selectHlsSegments,
} from './hls.js';
export type { HlsPlaylist, HlsSegment } from './hls.js';
export { computePeaks } from './peaks.js';
export { playedSeconds } from './span-duration.js';
export { extractPoster } from './poster.js';

export { MediaToolError, runFfmpeg, runFfprobe } from './ffmpeg.js';
export type { MediaTools, RunFfmpegOptions, RunToolOptions, RunToolResult } from './ffmpeg.js';
export { MediaRejectedError, probeMedia } from './probe.js';
export type { MediaInfo, MediaLimits, MediaRejectionCode } from './probe.js';
export {
  canRemux,
  HLS_SEGMENT_NAME,
  cutEncryptedHls,
  packagingMode,
  packageEncryptedHls,
  parseHlsPlaylist,
  PlaylistRefusedError,
  PLAYLIST_NAME,
  readHlsPlaylist,
  renderHlsPlaylist,
  selectHlsSegments,
} from './hls.js';
export type { CutHlsOptions, HlsKey, HlsMode, HlsPlaylist, HlsSegment, PackageHlsOptions, PackageHlsResult, RenderHlsOptions } from './hls.js';
export { computePeaks } from './peaks.js';
export { playedSeconds } from './span-duration.js';
export { extractPoster } from './poster.js';

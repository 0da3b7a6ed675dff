export { analyseRhythm, rhythmFrames } from './analyse.js';
export type { AnalyseOptions, ChannelMode, RhythmAnalysis, RhythmFrames } from './analyse.js';
export { diarizeMono, speechSegments } from './turns.js';
export { diarizationError, talkShareError } from './der.js';
export { LONG_PAUSE_SECONDS, rhythmMetrics } from './metrics.js';
export type { Interval, RhythmMetrics } from './metrics.js';
export type { Turn, VoiceStats } from './turns.js';

/**
 * Recordings API: upload, processing status, playback, who watched, deletion.
 *
 * Routes (all under /api; staff session cookie; POST/PATCH/DELETE also need the `x-csrf-token` header):
 *
 *   GET    /recordings?conversationId=<uuid>     → recordingListSchema     own recordings (optionally of one conversation) + notices
 *   POST   /recordings                           → uploadCreationSchema    body createRecordingRequestSchema; checks consent + kind + size,
 *                                                                          creates the recording (status "uploading") and tells how to upload
 *   GET    /recordings/:id                       → recordingDetailSchema   poll this for processing progress (every 1–2 s while not settled)
 *   DELETE /recordings/:id                       → 204                     the professional deletes their recording (key destroyed at once)
 *   POST   /recordings/:id/playback              → playbackDescriptorSchema  mints short-lived tokens; call again before `refreshAt`
 *                                                                          (the owner's whole recording; recipients of a share use
 *                                                                          POST /shares/:id/moments/:momentId/playback, see reviews.ts)
 *   GET    /recordings/:id/views                 → recordingViewListSchema  "who watched what, when" (owner only)
 *
 *   tus 1.0.0 resumable upload (creation, creation-with-upload, termination), endpoint /api/uploads:
 *   POST   /uploads      headers: Tus-Resumable: 1.0.0, Upload-Length (required, no deferred length),
 *                        Upload-Metadata: recordingId <base64 uuid from POST /recordings>[, filename <b64>, filetype <b64>],
 *                        cookie + x-csrf-token. Refusals come as our error body (JSON, Dutch message) with a 4xx status.
 *   HEAD   /uploads/:uploadId    PATCH /uploads/:uploadId (application/offset+octet-stream)    DELETE /uploads/:uploadId
 *   Resuming: keep the upload URL (tus-js-client / Uppy store it in localStorage by fingerprint);
 *   a restarted server keeps every byte received. When the last byte arrives the recording becomes "processing".
 *
 *   Media for a player, all from the playback descriptor (the token is in the query string `t=`). Every one
 *   also needs the viewer's own session cookie (same-origin requests of hls.js and <img> send it):
 *   a token works only for the person it was made for.
 *   GET /api/playback/:recordingId/index.m3u8?t=…   HLS VOD playlist; each fetch is logged as one view
 *   GET /api/playback/:recordingId/key?t=…          16-byte AES-128 key
 *   GET /api/playback/:recordingId/<segment>.ts?t=… encrypted MPEG-TS segment (URIs come from the playlist)
 *   GET /api/playback/:recordingId/peaks.json?t=…   peaksSchema (waveform)
 *   GET /api/playback/:recordingId/poster.jpg?t=…   JPEG (video only)
 *   All answer Cache-Control: no-store and never Content-Disposition: attachment. Tokens expire after a few
 *   minutes: for long playback, refresh the descriptor and in hls.js `xhrSetup(xhr, url)` replace the `t`
 *   query parameter of the URL with the newest `token` before `xhr.open(...)`.
 */
import { z } from 'zod';
import { idSchema } from './admin.js';

export const recordingKindSchema = z.enum(['video', 'audio']);
export type RecordingKind = z.infer<typeof recordingKindSchema>;

export const recordingStatusSchema = z.enum(['uploading', 'processing', 'ready', 'failed', 'deleted']);
export type RecordingStatus = z.infer<typeof recordingStatusSchema>;

/**
 * Why processing failed. The Dutch message is in `failure.message`; the web app may show its own
 * translation by code. empty/not_media/truncated/too_large/too_long/no_audio: the file cannot be used
 * (upload another); processing_failed: our fault after several attempts.
 */
export const recordingFailureCodeSchema = z.enum(['empty', 'not_media', 'text', 'archive', 'truncated', 'too_large', 'too_long', 'no_audio', 'processing_failed']);
export type RecordingFailureCode = z.infer<typeof recordingFailureCodeSchema>;

/** Why a recording is gone. The professional sees that it happened, never the client's reasons. */
export const recordingDeletedReasonSchema = z.enum(['withdrawn', 'retention', 'professional', 'abandoned']);

export const recordingSummarySchema = z.object({
  id: idSchema,
  conversationId: idSchema,
  /** The conversation's date (yyyy-mm-dd) and the client's pseudonym, for lists. */
  conversationHeldOn: z.string(),
  clientId: idSchema,
  clientPseudonym: z.string(),
  kind: recordingKindSchema,
  status: recordingStatusSchema,
  /**
   * 0..1. uploading: bytes received by the server / declared size; processing: packaging progress;
   * ready: 1; failed/deleted: 0.
   */
  progress: z.number().min(0).max(1),
  /** Known once processing has probed the file. */
  durationSeconds: z.number().nullable(),
  createdAt: z.string(),
  /** When processing finished (status ready). */
  readyAt: z.string().nullable(),
  /** When the recording will be deleted automatically (set when ready: readyAt + the consented retention). */
  retentionEndsAt: z.string().nullable(),
  failure: z.object({ code: recordingFailureCodeSchema, message: z.string() }).nullable(),
  deletedAt: z.string().nullable(),
  deletedReason: recordingDeletedReasonSchema.nullable(),
  /** Whether the consent allows sharing moments of this recording (ready, consent given, audience beyond the professional). */
  mayShare: z.boolean(),
});
export type RecordingSummary = z.infer<typeof recordingSummarySchema>;

export const recordingDetailSchema = recordingSummarySchema.extend({
  hasPoster: z.boolean(),
  /** Bytes of the original upload received so far / announced (null before the tus upload was created). */
  upload: z.object({ offset: z.number(), length: z.number() }).nullable(),
  /** What the client agreed to, as far as it concerns this recording. */
  consent: z.object({ media: recordingKindSchema, audience: z.enum(['professional', 'reviewer', 'peer_group']), retentionDays: z.number() }).nullable(),
});
export type RecordingDetail = z.infer<typeof recordingDetailSchema>;

/**
 * Things the professional should know: a recording will be deleted within a week (retention ends),
 * or a recording was removed (consent withdrawn / retention ended).
 */
export const recordingNoticeSchema = z.object({
  kind: z.enum(['retention_ending', 'removed_withdrawn', 'removed_retention', 'removed_abandoned']),
  recordingId: idSchema,
  conversationId: idSchema,
  conversationHeldOn: z.string(),
  clientId: idSchema,
  clientPseudonym: z.string(),
  /** retention_ending: when it will be deleted; removed_*: when it was removed. */
  at: z.string(),
});
export type RecordingNotice = z.infer<typeof recordingNoticeSchema>;

export const recordingListQuerySchema = z.object({ conversationId: idSchema.optional() });
export const recordingListSchema = z.object({ recordings: z.array(recordingSummarySchema), notices: z.array(recordingNoticeSchema) });
export type RecordingList = z.infer<typeof recordingListSchema>;

export const createRecordingRequestSchema = z.object({
  conversationId: idSchema,
  kind: recordingKindSchema,
  /** Size of the file to upload, in bytes (checked again by the upload endpoint); 0 is refused with its own message. */
  sizeBytes: z.number().int().min(0),
});
export type CreateRecordingRequest = z.infer<typeof createRecordingRequestSchema>;

/** Answer of POST /recordings: everything a tus client needs to start (or later resume) the upload. */
export const uploadCreationSchema = z.object({
  recording: recordingSummarySchema,
  upload: z.object({
    /** tus endpoint, same origin: /api/uploads */
    endpoint: z.string(),
    /** Pass as tus `metadata` (tus-js-client / Uppy encode it). */
    metadata: z.object({ recordingId: idSchema }),
    maxBytes: z.number(),
    /** Suggested PATCH size; smaller chunks resume with less loss. */
    chunkSizeBytes: z.number(),
  }),
});
export type UploadCreation = z.infer<typeof uploadCreationSchema>;

/** A span of the recording in seconds from its start, [from, to). */
export const timeRangeSchema = z.tuple([z.number().min(0), z.number().min(0)]);

export const playbackDescriptorSchema = z.object({
  recordingId: idSchema,
  kind: recordingKindSchema,
  /** Same-origin URL of the HLS playlist with the token; give it to hls.js (or Safari's native player). */
  playlistUrl: z.string(),
  /** The bare token, to refresh URLs hls.js already knows (see the route comment above). */
  token: z.string(),
  /** Name to overlay on the picture (and show above the waveform): the person watching. */
  viewerName: z.string(),
  peaksUrl: z.string(),
  /** Video only. */
  posterUrl: z.string().nullable(),
  durationSeconds: z.number(),
  /** 'all' (the owner), or the one shared span whose exact cut the playlist plays. */
  allowedRanges: z.union([z.literal('all'), z.array(timeRangeSchema)]),
  /**
   * Where the playlist's time 0 lies on the recording's own clock: 0 for the whole recording, the
   * span's start for an exact cut of a shared span (whose media holds nothing before or after it).
   */
  startsAtSeconds: z.number().min(0),
  expiresAt: z.string(),
  /** Fetch a new descriptor after this moment to keep playing. */
  refreshAt: z.string(),
});
export type PlaybackDescriptor = z.infer<typeof playbackDescriptorSchema>;

/** Waveform: `peaks[i]` in 0..1 is the loudest sample of slice i of `durationSeconds / peaks.length` seconds. */
export const peaksSchema = z.object({ durationSeconds: z.number(), peaks: z.array(z.number().min(0).max(1)) });
export type Peaks = z.infer<typeof peaksSchema>;

export const recordingViewSchema = z.object({
  viewerName: z.string(),
  /** Why this person could watch: the owner themself, a reviewer or peer group via a share, or with the client. */
  role: z.enum(['owner', 'reviewer', 'peer_group', 'client', 'policy']),
  at: z.string(),
  /** Seconds [from, to) when the viewer could only watch a span (a shared moment); null = the whole recording. */
  momentRange: timeRangeSchema.nullable(),
});
export type RecordingView = z.infer<typeof recordingViewSchema>;
export const recordingViewListSchema = z.object({ views: z.array(recordingViewSchema) });

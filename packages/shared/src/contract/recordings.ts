import { idParamsSchema } from '../api/admin.js';
import {
  createRecordingRequestSchema,
  playbackDescriptorSchema,
  recordingDetailSchema,
  recordingListQuerySchema,
  recordingListSchema,
  recordingViewListSchema,
  uploadCreationSchema,
} from '../api/recordings.js';
import { endpoints } from './endpoint.js';

/**
 * A professional's own recordings. The file itself goes to the tus endpoint `uploadsPath`
 * (resumable upload, see packages/shared/src/api/recordings.ts); media comes from the addresses in
 * the playback descriptor.
 */
export const recordings = endpoints('recordings', {
  list: { method: 'GET', path: '/recordings', audience: 'staff', summary: 'Own recordings, optionally of one conversation', query: recordingListQuerySchema, response: recordingListSchema },
  create: { method: 'POST', path: '/recordings', audience: 'staff', summary: 'Announce a recording; checks consent, kind and size and says how to upload', body: createRecordingRequestSchema, response: uploadCreationSchema, status: 201 },
  get: { method: 'GET', path: '/recordings/:id', audience: 'staff', summary: 'One recording with its processing progress', params: idParamsSchema, response: recordingDetailSchema },
  remove: { method: 'DELETE', path: '/recordings/:id', audience: 'staff', summary: 'Delete a recording (its key is destroyed at once)', params: idParamsSchema, response: null },
  playback: { method: 'POST', path: '/recordings/:id/playback', audience: 'staff', summary: 'Short-lived addresses to play one\'s own recording', params: idParamsSchema, response: playbackDescriptorSchema },
  views: { method: 'GET', path: '/recordings/:id/views', audience: 'staff', summary: 'Who watched what, when', params: idParamsSchema, response: recordingViewListSchema },
});

/** The tus 1.0 endpoint for the file itself, below /api. */
export const uploadsPath = '/uploads';

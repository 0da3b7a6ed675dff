import { idParamsSchema } from '../api/admin.js';
import { rhythmSpeakerRequestSchema, rhythmTurnsRequestSchema, rhythmViewSchema, sharedRhythmLaneSchema, shareRhythmLaneRequestSchema, shareRhythmLaneSchema } from '../api/rhythm.js';
import { endpoints } from './endpoint.js';

/** Conversation rhythm: who spoke when. */
export const rhythm = endpoints('rhythm', {
  get: { method: 'GET', path: '/recordings/:id/rhythm', audience: 'staff', summary: 'The rhythm of a recording', params: idParamsSchema, response: rhythmViewSchema },
  confirmSpeaker: { method: 'PUT', path: '/recordings/:id/rhythm/speaker', audience: 'staff', summary: 'Say which voice is the professional\'s', params: idParamsSchema, body: rhythmSpeakerRequestSchema, response: rhythmViewSchema },
  saveTurns: { method: 'PUT', path: '/recordings/:id/rhythm/turns', audience: 'staff', summary: 'Correct the turns by hand', params: idParamsSchema, body: rhythmTurnsRequestSchema, response: rhythmViewSchema },
  setShareLane: { method: 'PUT', path: '/shares/:id/rhythm-lane', audience: 'staff', summary: 'Show the rhythm lane to a share\'s recipient or not', params: idParamsSchema, body: shareRhythmLaneRequestSchema, response: shareRhythmLaneSchema },
  sharedLane: { method: 'GET', path: '/shares/:id/rhythm', audience: 'staff', summary: 'The rhythm lane of a shared recording', params: idParamsSchema, response: sharedRhythmLaneSchema },
});

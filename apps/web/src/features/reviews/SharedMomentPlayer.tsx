import { useCallback } from 'react';
import { Player } from '../recordings/player/Player.js';
import { fetchSharedSpanPlayback } from './api.js';

export interface SharedMomentPlayerProps {
  shareId: string;
  recordingId: string;
  moment: { id: string; startSeconds: number; endSeconds: number };
  label: string;
}

/**
 * A recipient's player for one shared moment: it plays the moment's exact cut (nothing before or
 * after it is ever sent), on the recording's own clock. Give it a `key` per moment.
 */
export function SharedMomentPlayer({ shareId, recordingId, moment, label }: SharedMomentPlayerProps) {
  const load = useCallback(() => fetchSharedSpanPlayback(shareId, moment.id), [shareId, moment.id]);
  return <Player recordingId={recordingId} label={label} range={[moment.startSeconds, moment.endSeconds]} loadDescriptor={load} />;
}

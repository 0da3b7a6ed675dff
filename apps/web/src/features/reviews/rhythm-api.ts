import { useQuery } from '@tanstack/react-query';
import { contract, type RhythmSpeaker, type RhythmTurn } from '@spreekkamer/shared';
import { call } from '../../api/client.js';

export const rhythmKeys = {
  recording: (recordingId: string) => ['rhythm', recordingId] as const,
  share: (shareId: string) => ['rhythm', 'share', shareId] as const,
};

/** Polls while the rhythm is still being worked out after processing. */
export const useRhythm = (recordingId: string) =>
  useQuery({
    queryKey: rhythmKeys.recording(recordingId),
    queryFn: () => call(contract.rhythm.get, { params: { id: recordingId } }),
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? 3000 : false),
  });

export const confirmSpeaker = (recordingId: string, professionalSpeaker: RhythmSpeaker) =>
  call(contract.rhythm.confirmSpeaker, { params: { id: recordingId }, body: { professionalSpeaker } });

export const saveTurns = (recordingId: string, turns: RhythmTurn[]) => call(contract.rhythm.saveTurns, { params: { id: recordingId }, body: { turns } });

export const setShareLane = (shareId: string, include: boolean) => call(contract.rhythm.setShareLane, { params: { id: shareId }, body: { include } });

export const useSharedLane = (shareId: string) => useQuery({ queryKey: rhythmKeys.share(shareId), queryFn: () => call(contract.rhythm.sharedLane, { params: { id: shareId } }), retry: false });

/** Swaps the speaker of the turn at `index`; neighbours of the same speaker join it. */
export function swapTurn(turns: RhythmTurn[], index: number): RhythmTurn[] {
  return turns.map((t, i) => (i === index ? { ...t, speaker: t.speaker === 'A' ? 'B' : 'A' } : t));
}

/** Moves one edge of the turn at `index` to `seconds`, never past its other edge. */
export function moveBoundary(turns: RhythmTurn[], index: number, edge: 'start' | 'end', seconds: number): RhythmTurn[] {
  return turns.map((t, i) => {
    if (i !== index) return t;
    if (edge === 'start') return { ...t, start: Math.max(0, Math.min(seconds, t.end - 0.1)) };
    return { ...t, end: Math.max(seconds, t.start + 0.1) };
  });
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlaybackDescriptor } from '@spreekkamer/shared';
import { ApiError } from '../../../api/client.js';
import { refreshDelayMs } from './playback-math.js';

/** How often to ask again while a shared fragment is being cut. */
const PREPARING_POLL_MS = 2_000;

function isPreparing(reason: unknown): boolean {
  return reason instanceof ApiError && reason.code === 'span_preparing';
}

export type LoadDescriptor = (recordingId: string) => Promise<PlaybackDescriptor>;

/**
 * Holds the playback descriptor and keeps its token fresh. The descriptor itself is kept from the
 * first answer (poster, peaks and name do not change); only the token moves on, through a ref, so
 * the player does not re-render or reload its poster every few minutes.
 * `load` must be stable (a module function or a useCallback), or the descriptor is fetched again.
 */
export function usePlayback(recordingId: string, load: LoadDescriptor) {
  const [descriptor, setDescriptor] = useState<PlaybackDescriptor | null>(null);
  const [error, setError] = useState<unknown>(null);
  /** A shared fragment is still being cut: counts the answers that said so (each one schedules the next try). */
  const [preparing, setPreparing] = useState(0);
  const token = useRef('');
  const refreshAt = useRef(0);
  const inFlight = useRef<Promise<string> | null>(null);

  const refresh = useCallback((): Promise<string> => {
    inFlight.current ??= load(recordingId)
      .then((fresh) => {
        token.current = fresh.token;
        refreshAt.current = Date.now() + refreshDelayMs(fresh.refreshAt, Date.now());
        setDescriptor((current) => current ?? fresh);
        setPreparing(0);
        return fresh.token;
      })
      .catch((reason: unknown) => {
        if (isPreparing(reason)) setPreparing((count) => count + 1);
        else setError(reason);
        throw reason;
      })
      .finally(() => {
        inFlight.current = null;
      });
    return inFlight.current;
  }, [recordingId, load]);

  /** The token to put in the next request; refreshed first when its time has come (a sleeping tab skips timers). */
  const currentToken = useCallback(async (): Promise<string> => {
    if (!token.current || Date.now() >= refreshAt.current) return refresh();
    return token.current;
  }, [refresh]);

  // A different recording needs a new player (give it a `key`); this only loads the first descriptor.
  useEffect(() => {
    void refresh().catch(() => undefined);
  }, [refresh]);

  // While the fragment is being prepared, ask again every few seconds (the page shows that it is).
  useEffect(() => {
    if (preparing === 0) return;
    const timer = window.setTimeout(() => void refresh().catch(() => undefined), PREPARING_POLL_MS);
    return () => window.clearTimeout(timer);
  }, [preparing, refresh]);

  // Refresh ahead of expiry while the page is open, so a paused video can continue later.
  useEffect(() => {
    if (!descriptor) return;
    let timer = 0;
    const schedule = () => {
      timer = window.setTimeout(() => {
        void refresh().then(schedule, () => undefined);
      }, Math.max(5_000, refreshAt.current - Date.now()));
    };
    schedule();
    return () => window.clearTimeout(timer);
  }, [descriptor, refresh]);

  return { descriptor, error, preparing: preparing > 0 && !descriptor, currentToken, refresh };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlaybackDescriptor } from '@spreekkamer/shared';
import { refreshDelayMs } from './playback-math.js';

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
  const token = useRef('');
  const refreshAt = useRef(0);
  const inFlight = useRef<Promise<string> | null>(null);

  const refresh = useCallback((): Promise<string> => {
    inFlight.current ??= load(recordingId)
      .then((fresh) => {
        token.current = fresh.token;
        refreshAt.current = Date.now() + refreshDelayMs(fresh.refreshAt, Date.now());
        setDescriptor((current) => current ?? fresh);
        return fresh.token;
      })
      .catch((reason: unknown) => {
        setError(reason);
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

  return { descriptor, error, currentToken, refresh };
}

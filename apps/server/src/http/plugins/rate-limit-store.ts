import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';

/** Shared counters (the database), so N API processes allow no more attempts than one. */
export interface RateLimitCounter {
  hit(key: string, windowMs: number, nowMs: number): Promise<{ hits: number; windowEndsMs: number }>;
  deleteExpired(nowMs: number): Promise<number>;
}

const sweepEveryMs = 60_000;

/**
 * A store for @fastify/rate-limit that counts in the database instead of each process's memory.
 * Each route gets its own key space (method and URL pattern), as with the built-in store.
 */
export function sharedRateLimitStore(counter: RateLimitCounter): FastifyRateLimitStoreCtor {
  let lastSweepMs = 0;
  const storeFor = (prefix: string): FastifyRateLimitStore => ({
    incr(key, callback, timeWindow) {
      const nowMs = Date.now();
      if (nowMs - lastSweepMs > sweepEveryMs) {
        lastSweepMs = nowMs;
        // Old windows are only clutter; failing to sweep them must not fail a log-in.
        counter.deleteExpired(nowMs).catch(() => undefined);
      }
      counter.hit(`${prefix}${key}`, timeWindow, nowMs).then(
        ({ hits, windowEndsMs }) => callback(null, { current: hits, ttl: Math.max(0, windowEndsMs - nowMs) }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
    child(options) {
      // The plugin passes the merged limit options with the route under routeInfo (its types say otherwise).
      const route = (options as { routeInfo?: { method?: unknown; url?: unknown } }).routeInfo;
      return storeFor(`${String(route?.method ?? '')} ${String(route?.url ?? '')}|`);
    },
  });
  return class {
    constructor() {
      return storeFor('global|');
    }
  } as unknown as FastifyRateLimitStoreCtor;
}

// Per-key sliding-window rate limiter for the fakes' own limits (imagine.md §6).

export interface WindowVerdict {
  admitted: boolean;
  /** Requests still allowed in the current window after this one. */
  remaining: number;
}

export interface SlidingWindow {
  /** Counts the request only when admitted: rejected retries must not extend the lockout. */
  admit(key: string, now: number, limit: number): WindowVerdict;
  clear(): void;
}

interface Hits {
  times: number[];
  head: number;
}

export function createSlidingWindow(windowMs: number): SlidingWindow {
  let byKey = new Map<string, Hits>();
  return {
    admit(key, now, limit) {
      const hits = byKey.get(key) ?? { times: [], head: 0 };
      byKey.set(key, hits);
      while (
        hits.head < hits.times.length &&
        (hits.times[hits.head] as number) <= now - windowMs
      )
        hits.head++;
      // Compact now and then instead of shifting on every expiry; limits can be large in benchmarks.
      if (hits.head > 1024 && hits.head * 2 > hits.times.length) {
        hits.times = hits.times.slice(hits.head);
        hits.head = 0;
      }
      const used = hits.times.length - hits.head;
      if (used >= limit) return { admitted: false, remaining: 0 };
      hits.times.push(now);
      return { admitted: true, remaining: limit - used - 1 };
    },
    clear() {
      byKey = new Map();
    },
  };
}

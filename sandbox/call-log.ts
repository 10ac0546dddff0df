// Every request a provider fake received, so tests and benchmarks can check what an adapter sent.
import type { InjectedFault } from "./faults";
import type { ProviderName } from "./types";

export interface CallEntry {
  /** Increases by one per call, never reused (also not after `clear`). */
  seq: number;
  provider: ProviderName;
  /** Arrival time, epoch milliseconds. */
  at: number;
  method: string;
  /** Path after the provider prefix, without the query string. */
  path: string;
  operation: string;
  ids: string[];
  /** HTTP status sent; 0 when a hang or reset fault sent none. */
  status: number;
  fault?: InjectedFault;
  /**
   * The answer was the provider's throttle answer: its own rate limit refused the call, or an
   * injected `throttle` fault. Lets a benchmark count throttling whatever the provider's status
   * (VOD's Throttling.User is a 400, memories.ai's "0429" an HTTP 200).
   */
  throttled?: true;
}

export interface CallFilter {
  provider?: ProviderName;
  /** Only entries with a larger `seq`. */
  since?: number;
}

export interface CallLog {
  add(entry: Omit<CallEntry, "seq">): CallEntry;
  list(filter: CallFilter): CallEntry[];
  clear(): void;
}

export const DEFAULT_CALL_LOG_SIZE = 200_000;

/** Keeps the newest `max` entries; a benchmark of millions of calls must not exhaust memory. */
export function createCallLog(max = DEFAULT_CALL_LOG_SIZE): CallLog {
  let entries: CallEntry[] = [];
  let seq = 0;
  return {
    add(entry) {
      const full = { seq: ++seq, ...entry };
      entries.push(full);
      // Trim in chunks so that the cost of shifting the array is paid rarely.
      if (entries.length > max + Math.ceil(max / 10))
        entries = entries.slice(entries.length - max);
      return full;
    },
    list({ provider, since }) {
      const start = since === undefined ? 0 : firstAfter(entries, since);
      const tail = entries.slice(start);
      return (
        provider ? tail.filter((e) => e.provider === provider) : tail
      ).slice(-max);
    },
    clear() {
      entries = [];
    },
  };
}

/** Binary search: entries are sorted by `seq`. */
function firstAfter(entries: CallEntry[], since: number): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((entries[mid] as CallEntry).seq <= since) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

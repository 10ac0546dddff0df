// What `npm run bench:runs` needs from the thing under test: the console (runs-console.ts) or
// the worker alone (runs-worker-only.ts).
import type { BenchProvider } from "./run-figures";

export interface PollStats {
  name: string;
  /** Milliseconds per request, in order. */
  latencies: number[];
}

export interface RunOutcome {
  runId: string;
  /** From sending the IDs to the answer (the run and its rows written). */
  createMs: number;
  status: string;
  counts: Record<string, number>;
  /** The run's own clock: its first claim and its end. */
  startedAt: Date;
  finishedAt: Date;
  /** The run page's requests while the run went on (none for the worker alone). */
  polls: PollStats[];
}

export interface BenchHarness {
  description: string;
  sandboxUrl: string;
  /** The processes whose memory and CPU count as the console's. */
  consolePids(): number[];
  /** Starts a deletion run of `ids` and resolves once it has ended. */
  run(provider: BenchProvider, ids: string[]): Promise<RunOutcome>;
  stop(): Promise<void>;
}

/** `delete 1 video`, `delete 20,000 videos` (en-US thousands separators), as the dialog asks. */
export function confirmationPhrase(count: number): string {
  return count === 1
    ? "delete 1 video"
    : `delete ${count.toLocaleString("en-US")} videos`;
}

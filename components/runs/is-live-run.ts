import { isActiveRunStatus } from "@/lib/runs/outcome-labels";
import type { Run } from "@/lib/runs/schemas";

/**
 * Whether a run's numbers can still change, i.e. whether to keep polling it. A cancelled run still
 * records the batch that was in flight (lib/runs/cancel-run.ts), so it is watched until its last
 * pending rows settle; every other ended run is final.
 */
export const isLiveRun = (run: Run) =>
  isActiveRunStatus(run.status) ||
  (run.status === "cancelled" && run.counts.pending > 0) ||
  isRetryingProcessing(run);

/** "Retry these later" is on: processing rows are re-attempted until the deadline. */
export const isRetryingProcessing = (run: Run) =>
  run.counts.processing > 0 &&
  run.processingRetryUntil !== null &&
  run.processingRetryUntil.getTime() > Date.now();

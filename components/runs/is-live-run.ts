import { isActiveRunStatus } from "@/lib/runs/outcome-labels";
import type { Run } from "@/lib/runs/schemas";

/**
 * Whether a run's numbers can still change, i.e. whether to keep polling it: an active run
 * (including one `cancelling`, whose batch in flight is still recorded), or one whose processing
 * rows are being retried. Every other ended run is final.
 */
export const isLiveRun = (run: Run) =>
  isActiveRunStatus(run.status) || isRetryingProcessing(run);

/** "Retry these later" is on: processing rows are re-attempted until the deadline. */
export const isRetryingProcessing = (run: Run) =>
  run.counts.processing > 0 &&
  run.processingRetryUntil !== null &&
  run.processingRetryUntil.getTime() > Date.now();

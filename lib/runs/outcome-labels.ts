// Labels, badge tones and one-line descriptions for row outcomes, preview expectations and run
// statuses. Defined once here so the new-run page, the run page, filters and exports all say the
// same thing (docs/style.md "From S": status options defined once, shared by cells and filters).
import type { Expectation, RowOutcome, RunStatus } from "./schemas";
import type { SkipCode } from "./vocabulary";

/** Same names as the Badge component's `tone` prop; kept here so lib/ stays free of components/. */
export type Tone = "neutral" | "info" | "success" | "warning" | "danger";

export interface LabelInfo {
  label: string;
  tone: Tone;
  description: string;
}

export const rowOutcomeLabels: Record<RowOutcome, LabelInfo> = {
  pending: {
    label: "Pending",
    tone: "info",
    description: "Not sent to the provider yet, or waiting for a retry.",
  },
  deleted: {
    label: "Deleted",
    tone: "success",
    description: "The provider confirmed the video is deleted.",
  },
  forbidden: {
    label: "Forbidden",
    tone: "danger",
    description: "This account may not delete this video.",
  },
  not_found: {
    label: "Doesn't exist",
    tone: "neutral",
    description: "The provider has no such video (it may already be gone).",
  },
  processing: {
    label: "Still processing",
    tone: "warning",
    description:
      "The video is still being generated; the provider refuses to delete it yet.",
  },
  failed: {
    label: "Failed",
    tone: "danger",
    description:
      "Anything else; the row keeps the provider's code and message.",
  },
  skipped: {
    label: "Skipped",
    tone: "neutral",
    description:
      "Never sent to the provider: the run was cancelled first, or the operator excluded it before the run started. The video is as it was.",
  },
};

/** Why a row was skipped, as the row's chip and tooltip say it ("Skipped — cancelled"). */
export const skipCodeLabels: Record<SkipCode, LabelInfo> = {
  cancelled: {
    label: "cancelled",
    tone: "neutral",
    description: "The run was cancelled before this video was sent.",
  },
  excluded_not_found: {
    label: "excluded: already gone",
    tone: "neutral",
    description:
      "Excluded at preview: the provider's look-up found no such video for this account.",
  },
  excluded_processing: {
    label: "excluded: still processing",
    tone: "neutral",
    description:
      "Excluded at preview: the video was still being generated, so the delete would be refused.",
  },
  excluded_foreign: {
    label: "excluded: not yours",
    tone: "neutral",
    description:
      "Excluded at preview: the video belongs to another account, so the delete would be refused.",
  },
};

const isSkipCode = (code: string | null): code is SkipCode =>
  code !== null && code in skipCodeLabels;

/**
 * A row's outcome as one phrase: "Skipped — excluded: already gone" for a skipped row whose code
 * says why, else the outcome's own label. Exports keep the outcome and code apart.
 */
export function rowOutcomeText(
  outcome: RowOutcome,
  code: string | null,
): { label: string; description: string } {
  const info = rowOutcomeLabels[outcome];
  if (outcome !== "skipped" || !isSkipCode(code))
    return { label: info.label, description: info.description };
  const why = skipCodeLabels[code];
  return {
    label: `${info.label} — ${why.label}`,
    description: why.description,
  };
}

export const expectationLabels: Record<Expectation, LabelInfo> = {
  will_delete: {
    label: "Will be deleted",
    tone: "info",
    // VOD's look-up shows another application's video (Not yours); the others only show ours.
    description:
      "The provider's look-up found the video in this account. Where a look-up cannot tell owners apart, the delete decides: a refused delete ends Forbidden.",
  },
  already_gone: {
    label: "Already gone",
    tone: "neutral",
    description:
      "No such video for this account. Akool's and memories.ai's look-ups do not show other accounts' videos either: such a video is never recorded deleted; the row keeps what the provider answers (Forbidden or Doesn't exist).",
  },
  processing: {
    label: "Still processing",
    tone: "warning",
    description:
      "Still being generated; the run retries it until the provider allows the delete.",
  },
  not_yours: {
    label: "Not yours",
    tone: "danger",
    description:
      "The video belongs to another account; the delete will be refused.",
  },
  unknown: {
    label: "Could not check",
    tone: "warning",
    description:
      "The provider could not be asked (or answered oddly); the run will try the delete.",
  },
  malformed: {
    label: "Malformed",
    tone: "danger",
    description: "Not a valid ID for this provider; it is never sent.",
  },
};

export const runStatusLabels: Record<RunStatus, LabelInfo> = {
  queued: {
    label: "Queued",
    tone: "info",
    description: "Waiting for a worker to pick it up.",
  },
  running: {
    label: "Running",
    tone: "info",
    description: "Deleting videos in batches.",
  },
  paused: {
    label: "Paused",
    tone: "warning",
    description:
      "The provider is down or rejected the credentials; the run resumes by itself or on an operator's word.",
  },
  cancelling: {
    label: "Cancelling…",
    tone: "warning",
    description:
      "Cancel requested: nothing new is sent; the batch already sent is being recorded.",
  },
  completed: {
    label: "Completed",
    tone: "success",
    description:
      "Every item has a final outcome, and none was refused, failed or is still processing.",
  },
  completed_with_issues: {
    label: "Completed with issues",
    tone: "warning",
    description:
      "Every item has a final outcome, but some were refused (Forbidden), failed or are still processing.",
  },
  cancelled: {
    label: "Cancelled",
    tone: "neutral",
    description:
      "Stopped by an operator; items not yet sent were skipped, the batch in flight was recorded.",
  },
  aborted: {
    label: "Aborted",
    tone: "danger",
    description: "Stopped because of an unrecoverable error.",
  },
};

/** Statuses in which a run may still change, so its page keeps polling. */
export const activeRunStatuses: readonly RunStatus[] = [
  "queued",
  "running",
  "paused",
  "cancelling",
];

export const isActiveRunStatus = (status: RunStatus) =>
  activeRunStatuses.includes(status);

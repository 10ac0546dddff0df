// The one vocabulary of docs/design.md §2, used by the database enum, the API and the UI.
export const rowOutcomes = [
  "pending",
  "deleted",
  "forbidden",
  "not_found",
  "processing",
  "failed",
  "skipped",
] as const;
export type RowOutcome = (typeof rowOutcomes)[number];

/** The order operators read a run in (chips, sorting): what worked, was refused, is left. */
export const rowOutcomeReadingOrder: readonly RowOutcome[] = [
  "deleted",
  "forbidden",
  "not_found",
  "processing",
  "failed",
  "skipped",
  "pending",
];

/**
 * Outcomes that leave a finished run "completed with issues": the video may still exist (or is
 * someone else's) although the operator asked for it to go. `skipped` rows were never sent on
 * purpose (cancel, exclusions), `not_found` ones are already gone.
 */
export const issueOutcomes = ["forbidden", "failed", "processing"] as const;

/**
 * Why a `skipped` row was never sent to the provider: the run was cancelled first, or the
 * operator excluded it at preview (gone already, still processing, another account's).
 */
export const skipCodes = [
  "cancelled",
  "excluded_not_found",
  "excluded_processing",
  "excluded_foreign",
] as const;
export type SkipCode = (typeof skipCodes)[number];

export const runStatuses = [
  "queued",
  "running",
  "paused",
  "cancelling",
  "completed",
  "completed_with_issues",
  "cancelled",
  "aborted",
] as const;
export type RunStatus = (typeof runStatuses)[number];

/** Sort keys of the run history and of a run's rows, as the API accepts them. */
export const runSorts = [
  "createdAt",
  "status",
  "provider",
  "total",
  "duration",
] as const;
export const itemSorts = [
  "videoId",
  "outcome",
  "attempts",
  "updatedAt",
] as const;

export const terminalRunStatuses: readonly RunStatus[] = [
  "completed",
  "completed_with_issues",
  "cancelled",
  "aborted",
];

/**
 * What the console knew of a video just before sending its delete: `present` (this account's),
 * `absent` (no such video, or invisible to this account), `foreign` (another account's).
 */
export const preStates = ["present", "absent", "foreign"] as const;
export type PreState = (typeof preStates)[number];

/** Default cap; the server's ERASURE_MAX_IDS_PER_RUN may lower or raise it. */
export const DEFAULT_MAX_IDS_PER_RUN = 100_000;

/** What a preview expects for each ID (docs/design.md §2). */
export const expectations = [
  "will_delete",
  "already_gone",
  "processing",
  "not_yours",
  "unknown",
  "malformed",
] as const;

/** Expectations an operator may choose to skip at confirmation (lib/runs/schemas.ts: codes). */
export const excludableExpectations = [
  "already_gone",
  "processing",
  "not_yours",
] as const;

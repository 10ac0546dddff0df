// The one vocabulary of docs/design.md §2, used by the database enum, the API and the UI.
export const rowOutcomes = [
  "pending",
  "deleted",
  "forbidden",
  "not_found",
  "processing",
  "failed",
] as const;
export type RowOutcome = (typeof rowOutcomes)[number];

/** The order operators read a run in (chips, sorting): what worked, was refused, is left. */
export const rowOutcomeReadingOrder: readonly RowOutcome[] = [
  "deleted",
  "forbidden",
  "not_found",
  "processing",
  "failed",
  "pending",
];

export const runStatuses = [
  "queued",
  "running",
  "paused",
  "completed",
  "cancelled",
  "aborted",
] as const;
export type RunStatus = (typeof runStatuses)[number];

export const terminalRunStatuses: readonly RunStatus[] = [
  "completed",
  "cancelled",
  "aborted",
];

/**
 * What the console knew of a video just before sending its delete: `present` (this account's),
 * `absent` (no such video, or invisible to this account), `foreign` (another account's).
 */
export const preStates = ["present", "absent", "foreign"] as const;
export type PreState = (typeof preStates)[number];

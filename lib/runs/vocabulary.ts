// The one vocabulary of DESIGN.md §2, used by the database enum, the API and the UI.
export const rowOutcomes = [
  "pending",
  "deleted",
  "forbidden",
  "not_found",
  "processing",
  "failed",
] as const;
export type RowOutcome = (typeof rowOutcomes)[number];

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

// Runs API contract (docs/design.md §2, §8), shared by route handlers, the browser and scripts.
import { z } from "zod";
import {
  excludableExpectations,
  expectations,
  itemSorts,
  rowOutcomes,
  runSorts,
  runStatuses,
  type RowOutcome,
  type SkipCode,
} from "./vocabulary";
import { providerIdSchema } from "../providers/schemas";
import { idKinds } from "../providers/types";

// Plain values live in vocabulary.ts, which pages can import without zod (about 30 KB gzip).
export {
  DEFAULT_MAX_IDS_PER_RUN,
  excludableExpectations,
  expectations,
  rowOutcomes,
  runStatuses,
  terminalRunStatuses,
} from "./vocabulary";
export type { RowOutcome, RunStatus } from "./vocabulary";
export const rowOutcomeSchema = z.enum(rowOutcomes);
export const runStatusSchema = z.enum(runStatuses);

const idsSchema = z
  .array(z.string().max(200, "An ID is at most 200 characters."))
  .min(1, "Give at least one video ID.")
  .max(1_000_000, "Too many IDs in one request.");

/** `video` (the provider's own IDs, the default) or `reference` (VOD ReferenceIds). */
export const idKindSchema = z.enum(idKinds);

export const previewBodySchema = z.object({
  provider: providerIdSchema,
  idKind: idKindSchema.default("video"),
  ids: idsSchema,
});
/** What a caller sends; `idKind` may be left out (video IDs). */
export type PreviewBody = z.input<typeof previewBodySchema>;

export const expectationSchema = z.enum(expectations);
export type Expectation = z.infer<typeof expectationSchema>;

export const previewItemSchema = z.object({
  id: z.string(),
  expectation: expectationSchema,
  /** Provider's status, or why an ID is malformed / could not be checked. */
  detail: z.string().optional(),
});
export type PreviewItem = z.infer<typeof previewItemSchema>;

/**
 * Signed by the server over what a preview found (lib/runs/preview-evidence.ts): the IDs it saw
 * already gone, processing or not yours. A run may exclude only IDs such evidence names.
 */
const evidenceSchema = z
  .array(z.string().max(2_000_000))
  .max(100_000, "Too many evidence tokens.");

export const previewResponseSchema = z.object({
  provider: providerIdSchema,
  idKind: idKindSchema,
  /** Distinct well-formed IDs: the N of the confirmation phrase. */
  validCount: z.number(),
  duplicateCount: z.number(),
  /** IDs looked up at the provider: the first `lookupLimit` valid ones at most. */
  checkedCount: z.number(),
  /** ERASURE_PREVIEW_LOOKUP_LIMIT: the rest are `unknown`, not checked. */
  lookupLimit: z.number(),
  counts: z.record(expectationSchema, z.number()),
  items: z.array(previewItemSchema),
  /** Send back in `POST /api/runs` `exclude.evidence` to skip what this preview found. */
  evidence: evidenceSchema,
});
export type PreviewResponse = z.infer<typeof previewResponseSchema>;

/**
 * `POST /api/runs/preview` with `Accept: application/x-ndjson`: one JSON object per line as the
 * look-ups answer. `start`, then `items` (each checked batch, then the unchecked and malformed
 * rows), then `done`; `error` instead of `done` if the preview failed part-way.
 */
export const previewStreamEventSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("start"),
    provider: providerIdSchema,
    idKind: idKindSchema,
    validCount: z.number(),
    duplicateCount: z.number(),
    malformedCount: z.number(),
    /** IDs that will be looked up: min(validCount, lookupLimit). */
    toCheck: z.number(),
    lookupLimit: z.number(),
  }),
  z.object({
    type: z.literal("items"),
    items: z.array(previewItemSchema),
    /** IDs looked up so far. */
    checked: z.number(),
    /** Signed evidence for this event's excludable rows, if it has any. */
    evidence: z.string().optional(),
  }),
  z.object({
    type: z.literal("done"),
    checkedCount: z.number(),
    counts: z.record(expectationSchema, z.number()),
  }),
  z.object({
    type: z.literal("error"),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);
export type PreviewStreamEvent = z.infer<typeof previewStreamEventSchema>;

/** What an operator may choose to skip, and the code its `skipped` row gets. */
export type ExcludableExpectation = (typeof excludableExpectations)[number];
export const exclusionCodes = {
  already_gone: "excluded_not_found",
  processing: "excluded_processing",
  not_yours: "excluded_foreign",
} as const satisfies Record<ExcludableExpectation, SkipCode>;

export const exclusionSchema = z.object({
  /** Skip every ID the evidence classified as one of these. */
  expectations: z
    .array(z.enum(excludableExpectations))
    .min(1, "Name at least one kind of ID to exclude."),
  /** The preview's `evidence` tokens, as it answered them. */
  evidence: evidenceSchema.min(1, "Send the preview's evidence."),
});
export type Exclusion = z.infer<typeof exclusionSchema>;

export const startRunBodySchema = z.object({
  provider: providerIdSchema,
  idKind: idKindSchema.default("video"),
  ids: idsSchema,
  /**
   * Must equal `delete N videos` (`delete 1 video`), N the distinct valid IDs less the excluded
   * ones; `1,250` or `1250`.
   */
  confirmation: z.string().max(100),
  /** IDs a preview found gone, processing or not yours: recorded `skipped`, never sent. */
  exclude: exclusionSchema.optional(),
});
/** What a caller sends; `idKind` may be left out (video IDs). */
export type StartRunBody = z.input<typeof startRunBodySchema>;

export const outcomeCountsSchema = z.object(
  Object.fromEntries(
    rowOutcomes.map((outcome) => [outcome, z.number()]),
  ) as Record<RowOutcome, z.ZodNumber>,
);
export type OutcomeCounts = z.infer<typeof outcomeCountsSchema>;

export const runSchema = z.object({
  id: z.string(),
  provider: providerIdSchema,
  idKind: idKindSchema,
  status: runStatusSchema,
  statusReason: z.string().nullable(),
  /** A paused run resumes by itself at this time (or earlier, on an operator's word). */
  resumeAt: z.coerce.date().nullable(),
  total: z.number(),
  counts: outcomeCountsSchema,
  confirmation: z.string(),
  createdBy: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  /** `browser`, or the API token's name. */
  startedVia: z.string(),
  /** The address the confirmation came from, as the console saw it. */
  startedFromIp: z.string().nullable(),
  createdAt: z.coerce.date(),
  startedAt: z.coerce.date().nullable(),
  finishedAt: z.coerce.date().nullable(),
  /** While set and in the future, `processing` rows are re-attempted automatically. */
  processingRetryUntil: z.coerce.date().nullable(),
  /** Seconds between those re-attempts (null when none were ever scheduled). */
  processingRetryIntervalSeconds: z.number().nullable(),
  /** When an operator asked to cancel; the run reads `cancelling` until its batch in flight is recorded. */
  cancelRequestedAt: z.coerce.date().nullable(),
  /** Items finished per second over the last minute (null before any). */
  ratePerSecond: z.number().nullable(),
  etaSeconds: z.number().nullable(),
});
export type Run = z.infer<typeof runSchema>;

export const runSortSchema = z.enum(runSorts);
export type RunSort = z.infer<typeof runSortSchema>;

/** A calendar day (`2026-08-21`, in UTC) or an instant with its offset. */
const dateBoundSchema = z.union([
  z.iso.date(),
  z.iso.datetime({ offset: true }),
]);

/**
 * `GET /api/runs` filters, sorting and paging. Dates bound `createdAt`: a day covers the whole
 * day (`to=2026-08-21` includes that day), an instant is inclusive for `from`, exclusive for `to`.
 */
export const runsQuerySchema = z.object({
  provider: providerIdSchema.optional(),
  /** The operator who started the run: a user ID or an email (case-insensitive, exact). */
  operator: z.string().trim().max(320).optional(),
  status: runStatusSchema.optional(),
  from: dateBoundSchema.optional(),
  to: dateBoundSchema.optional(),
  /** Only runs with at least one `failed` or `forbidden` row. */
  hasFailed: z
    .enum(["1", "true", "0", "false"])
    .optional()
    .transform((value) => value === "1" || value === "true"),
  /** Start of the run ID (case-insensitive). */
  q: z.string().trim().max(36).optional(),
  sort: runSortSchema.default("createdAt"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type RunsQuery = z.infer<typeof runsQuerySchema>;

export const runsListResponseSchema = z.object({
  runs: z.array(runSchema),
  /** Runs matching the filters, across all pages. */
  total: z.number(),
});
export type RunsListResponse = z.infer<typeof runsListResponseSchema>;

export const runItemSchema = z.object({
  videoId: z.string(),
  outcome: rowOutcomeSchema,
  code: z.string().nullable(),
  message: z.string().nullable(),
  attempts: z.number(),
  updatedAt: z.coerce.date(),
  nextAttemptAt: z.coerce.date().nullable(),
});
export type RunItem = z.infer<typeof runItemSchema>;

export const itemSortSchema = z.enum(itemSorts);

export const runItemsQuerySchema = z.object({
  outcome: rowOutcomeSchema.optional(),
  q: z.string().max(200).optional(),
  sort: itemSortSchema.default("videoId"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type RunItemsQuery = z.infer<typeof runItemsQuerySchema>;

export const runItemsResponseSchema = z.object({
  /** The run as it was when these rows were read (the same database snapshot). */
  run: runSchema,
  items: z.array(runItemSchema),
  total: z.number(),
});

export const exportQuerySchema = z.object({
  format: z.enum(["csv", "json"]).default("csv"),
  outcome: rowOutcomeSchema.optional(),
  /** Only rows whose video ID contains this text (the run table's filter). */
  q: z.string().max(200).optional(),
});

/** The rows a run-page action applies to: the table's current filters. */
export interface RunRowFilter {
  outcome?: RowOutcome;
  q?: string;
}

export const runIdParamsSchema = z.object({ runId: z.uuid() });

export const retryProcessingBodySchema = z
  .object({
    /** Stop re-attempting after this many hours (default ERASURE_PROCESSING_RETRY_HOURS). */
    hours: z
      .number()
      .positive()
      .max(24 * 30)
      .optional(),
    /** Minutes between attempts (default ERASURE_PROCESSING_RETRY_MINUTES). */
    intervalMinutes: z
      .number()
      .min(0.05)
      .max(24 * 60)
      .optional(),
  })
  .default({});
export type RetryProcessingBody = z.input<typeof retryProcessingBodySchema>;

/** `delete 1,250 videos`: thousands separators optional; `video` for exactly one. */
export function confirmationPhrase(count: number): string {
  return `delete ${count.toLocaleString("en-US")} ${count === 1 ? "video" : "videos"}`;
}

export function confirmationMatches(typed: string, count: number): boolean {
  const match = /^delete ([\d,]+) (videos?)$/.exec(
    typed.trim().replace(/\s+/g, " ").toLowerCase(),
  );
  if (!match) return false;
  const digits = match[1]!;
  // Commas only as thousands separators ("1,250"), or none at all ("1250").
  if (digits.includes(",") && !/^\d{1,3}(,\d{3})+$/.test(digits)) return false;
  return (
    Number(digits.replace(/,/g, "")) === count &&
    match[2] === (count === 1 ? "video" : "videos")
  );
}

/** 100,000 IDs of up to ~40 characters fit with room to spare; the 413 names this number. */
export const RUN_BODY_MAX_BYTES = 8_000_000;

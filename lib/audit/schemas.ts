// Audit API contract: response shapes shared by the route handlers, the browser and scripts.
import { z } from "zod";
import { rowOutcomeSchema } from "@/lib/runs/schemas";
import {
  EXPORT_EARLIEST,
  EXPORT_EARLIEST_MESSAGE,
  EXPORT_LATEST,
  EXPORT_LATEST_MESSAGE,
} from "./export-bounds";

export const videoHistoryEntrySchema = z.object({
  runId: z.string(),
  // Plain string: a provider removed from the registry must not hide its past runs.
  provider: z.string(),
  /** `video`, or `reference` when the run named it by a reference ID (VOD). */
  idKind: z.string(),
  outcome: rowOutcomeSchema,
  code: z.string().nullable(),
  message: z.string().nullable(),
  attempts: z.number(),
  updatedAt: z.coerce.date(),
  runStartedAt: z.coerce.date(),
  startedBy: z.string(),
  /** `browser`, or the API token's name. */
  startedVia: z.string(),
  confirmation: z.string(),
});
export type VideoHistoryEntry = z.infer<typeof videoHistoryEntrySchema>;

export const videoHistoryResponseSchema = z.object({
  videoId: z.string(),
  touched: z.boolean(),
  /** Newest run first. */
  runs: z.array(videoHistoryEntrySchema),
});
export type VideoHistory = z.infer<typeof videoHistoryResponseSchema>;

const exportBound = z.coerce
  .date()
  .min(EXPORT_EARLIEST, EXPORT_EARLIEST_MESSAGE)
  .max(EXPORT_LATEST, EXPORT_LATEST_MESSAGE);

/** GET /api/audit/export's query; the audit page checks its date fields with it before linking. */
export const auditExportQuerySchema = z
  .object({
    from: exportBound,
    to: exportBound,
    format: z.enum(["csv", "json"]).default("csv"),
  })
  .refine((query) => query.from < query.to, "`from` must be before `to`.");

// `ok` covers the chain and, when one was given, the checkpoint; the message says which failed.
export const verifyResponseSchema = z.object({
  ok: z.boolean(),
  count: z.number(),
  message: z.string(),
});

/** Most events one timeline request answers. */
export const RUN_EVENTS_MAX_LIMIT = 500;

/**
 * `GET /api/runs/{runId}/events` paging: newest first; `before` pages to older events, `after`
 * fetches only what a live run added since the newest event the page holds (positions are the
 * audit chain's, so they only grow).
 */
export const runEventsQuerySchema = z
  .object({
    before: z.coerce.number().int().min(1).optional(),
    after: z.coerce.number().int().min(0).optional(),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(RUN_EVENTS_MAX_LIMIT)
      .default(100),
  })
  .refine((query) => query.before === undefined || query.after === undefined, {
    message: "Give before or after, not both.",
  });
export type RunEventsQuery = z.infer<typeof runEventsQuerySchema>;

export const runEventSchema = z.object({
  position: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type RunEvent = z.infer<typeof runEventSchema>;

// The run timeline response, shared by the route and the run page.
export const runEventsResponseSchema = z.object({
  /** Newest first. */
  events: z.array(runEventSchema),
  /** The run's `run.started` event (who typed which phrase), on a first page only. */
  started: runEventSchema.nullable(),
  /** Older events exist than the oldest returned (ask with `before`). */
  hasOlder: z.boolean(),
  /** With `after`: more new events than `limit`; ask again from the newest returned. */
  hasNewer: z.boolean(),
});
export type RunEventsResponse = z.infer<typeof runEventsResponseSchema>;

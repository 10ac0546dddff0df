// Audit API contract: response shapes shared by the route handlers, the browser and scripts.
import { z } from "zod";
import { rowOutcomeSchema } from "@/lib/runs/schemas";

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

// `ok` covers the chain and, when one was given, the checkpoint; the message says which failed.
export const verifyResponseSchema = z.object({
  ok: z.boolean(),
  count: z.number(),
  message: z.string(),
});

// The run timeline response, shared by the route and the run page.
export const runEventsResponseSchema = z.object({
  events: z.array(
    z.object({
      position: z.number(),
      at: z.string(),
      actor: z.string(),
      action: z.string(),
      details: z.record(z.string(), z.unknown()),
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
    }),
  ),
  truncated: z.boolean(),
});

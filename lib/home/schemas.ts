// Home page contract (`GET /api/home`), shared by the route, the server-rendered page and the
// browser's polling.
import { z } from "zod";
import { providerIdSchema } from "@/lib/providers/schemas";
import { runSchema } from "@/lib/runs/schemas";

/** The chart's span: today (UTC) and the 29 days before it. */
export const HOME_CHART_DAYS = 30;

/** What the last 30 days' runs ended with, summed per day (UTC) of their end (or start). */
export const outcomeDaySchema = z.object({
  day: z.iso.date(),
  runs: z.number(),
  deleted: z.number(),
  notFound: z.number(),
  forbidden: z.number(),
  failed: z.number(),
  processing: z.number(),
});
export type OutcomeDay = z.infer<typeof outcomeDaySchema>;

export const awaitingRunSchema = z.object({
  run: runSchema,
  /** `paused`: waits for its resume time (or an operator); `retrying`: processing rows re-tried. */
  reason: z.enum(["paused", "retrying"]),
  /** When a paused run resumes by itself, or until when processing rows are re-tried. */
  until: z.coerce.date().nullable(),
  /** Retry interval of processing rows. */
  everySeconds: z.number().nullable(),
});
export type AwaitingRun = z.infer<typeof awaitingRunSchema>;

/**
 * One rate budget of a provider account as the database knows it (rate_buckets): sends are given
 * evenly spaced slots, and `bookedMs` is how far ahead of now they are already handed out.
 */
export const rateBudgetStateSchema = z.object({
  /** The kinds of request that draw on it (`delete`, `lookup`, `list`). */
  families: z.array(z.string()),
  requests: z.number(),
  perMs: z.number(),
  /** Sends still free within the next window (`requests` when nothing is booked ahead). */
  free: z.number(),
  bookedMs: z.number(),
  /** When a request last reserved a slot of it, if one has since this database began. */
  lastUsedAt: z.coerce.date().nullable(),
});
export type RateBudgetState = z.infer<typeof rateBudgetStateSchema>;

export const providerBudgetsSchema = z.object({
  id: providerIdSchema,
  label: z.string(),
  configured: z.boolean(),
  budgets: z.array(rateBudgetStateSchema),
});
export type ProviderBudgets = z.infer<typeof providerBudgetsSchema>;

export const homeOverviewSchema = z.object({
  generatedAt: z.coerce.date(),
  /** Queued and running runs (and those still cancelling), newest first. */
  inProgress: z.object({ runs: z.array(runSchema), total: z.number() }),
  /** Paused runs and runs whose processing rows are scheduled for retry. */
  awaiting: z.object({ runs: z.array(awaitingRunSchema), total: z.number() }),
  /**
   * Ended runs of the last 30 days with forbidden, failed or still-processing rows, or aborted,
   * newest first.
   */
  problems: z.object({ runs: z.array(runSchema), total: z.number() }),
  providers: z.array(providerBudgetsSchema),
  /** Oldest first, one entry per day, days without runs included. */
  days: z.array(outcomeDaySchema),
});
export type HomeOverview = z.infer<typeof homeOverviewSchema>;

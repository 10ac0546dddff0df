import { z } from "zod";
import { providerIds } from "./types";

export const providerIdSchema = z.enum(providerIds);

export const providerSummarySchema = z.object({
  id: providerIdSchema,
  label: z.string(),
  configured: z.boolean(),
  /** Environment variables to set when not configured. */
  missing: z.array(z.string()),
  maxBatch: z.number().nullable(),
  rateLimit: z.object({ requests: z.number(), perMs: z.number() }).nullable(),
  idFormat: z.string().nullable(),
  canList: z.boolean(),
  statuses: z.array(z.string()),
  health: z
    .object({ ok: z.boolean(), message: z.string(), checkedAt: z.string() })
    .nullable(),
});
export type ProviderSummary = z.infer<typeof providerSummarySchema>;

export const providersResponseSchema = z.object({
  providers: z.array(providerSummarySchema),
});

export const providersQuerySchema = z.object({
  refresh: z.enum(["1", "true"]).optional(),
});

// Plain text, no zod: pages import it from describe-rate-limit.ts without the schemas.
export { describeRateLimit } from "./describe-rate-limit";

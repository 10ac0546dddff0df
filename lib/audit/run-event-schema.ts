import { z } from "zod";

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

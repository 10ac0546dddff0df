import { runEvents } from "@/lib/audit/run-events";
import { runEventsQuerySchema } from "@/lib/audit/schemas";
import { withOperator } from "@/lib/http/with-operator";
import { getRun } from "@/lib/runs/read-runs";
import { runIdParamsSchema } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

// GET /api/runs/{runId}/events – the run's audit timeline, newest first, paged by position
export const GET = withOperator(
  async ({ params, query }) => {
    await getRun(params.runId);
    return runEvents(params.runId, query);
  },
  { role: "viewer", params: runIdParamsSchema, query: runEventsQuerySchema },
);

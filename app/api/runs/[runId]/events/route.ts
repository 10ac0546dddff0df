import { runEvents } from "@/lib/audit/run-events";
import { withOperator } from "@/lib/http/with-operator";
import { getRun } from "@/lib/runs/read-runs";
import { runIdParamsSchema } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

// GET /api/runs/{runId}/events – the run's audit timeline: who confirmed which phrase, when, from where
export const GET = withOperator(
  async ({ params }) => {
    await getRun(params.runId);
    return runEvents(params.runId);
  },
  { role: "viewer", params: runIdParamsSchema },
);

import { withOperator } from "@/lib/http/with-operator";
import { cancelRun } from "@/lib/runs/cancel-run";
import { getRun } from "@/lib/runs/read-runs";
import { runIdParamsSchema } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

// POST /api/runs/{runId}/cancel – stop further provider calls; untouched rows end as cancelled
export const POST = withOperator(
  async ({ params }) => {
    await cancelRun(params.runId);
    return getRun(params.runId);
  },
  { role: "operator", params: runIdParamsSchema },
);

import { withOperator } from "@/lib/http/with-operator";
import { getRun } from "@/lib/runs/read-runs";
import { runIdParamsSchema } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

// GET /api/runs/{runId} – status, counts per outcome, rate and ETA
export const GET = withOperator(async ({ params }) => getRun(params.runId), {
  role: "viewer",
  params: runIdParamsSchema,
});

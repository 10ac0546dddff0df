import { withOperator } from "@/lib/http/with-operator";
import { getRun, listRunItems } from "@/lib/runs/read-runs";
import { runIdParamsSchema, runItemsQuerySchema } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

// GET /api/runs/{runId}/items – one page of rows: ?outcome=&q=&sort=&dir=&offset=&limit=
export const GET = withOperator(
  async ({ params, query }) => {
    await getRun(params.runId);
    return listRunItems(params.runId, query);
  },
  { role: "viewer", params: runIdParamsSchema, query: runItemsQuerySchema },
);

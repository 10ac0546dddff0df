import { withOperator } from "@/lib/http/with-operator";
import { readRunPage } from "@/lib/runs/read-runs";
import { runIdParamsSchema, runItemsQuerySchema } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

// GET /api/runs/{runId}/items – one page of rows: ?outcome=&q=&sort=&dir=&offset=&limit=, with
// the run as it was when they were read (one snapshot), so a page's header never lags its rows.
export const GET = withOperator(
  async ({ params, query }) => readRunPage(params.runId, query),
  { role: "viewer", params: runIdParamsSchema, query: runItemsQuerySchema },
);

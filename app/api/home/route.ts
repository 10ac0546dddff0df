import { homeOverview } from "@/lib/home/overview";
import { withOperator } from "@/lib/http/with-operator";

export const dynamic = "force-dynamic";

// GET /api/home – runs in progress, awaiting and with problems, rate budgets, outcomes per day
export const GET = withOperator(async () => homeOverview(), { role: "viewer" });

import { canStartRun } from "@/lib/auth/roles";
import { ApiError } from "@/lib/http/errors";
import { withOperator } from "@/lib/http/with-operator";
import { describeProviders } from "@/lib/providers/describe-providers";
import { providersQuerySchema } from "@/lib/providers/schemas";

export const dynamic = "force-dynamic";

// GET /api/providers – each provider, configured or not, with batch size, rate limit and health
export const GET = withOperator(
  async ({ operator, query }) => {
    const refresh = query.refresh !== undefined;
    // A fresh check calls every provider, spending rate budgets a run may need.
    if (refresh && !canStartRun(operator.role))
      throw new ApiError(
        "forbidden",
        "Only operators and admins may ask for a fresh health check (?refresh=1).",
      );
    return { providers: await describeProviders({ refresh }) };
  },
  { role: "viewer", query: providersQuerySchema },
);

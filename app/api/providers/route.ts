import { withOperator } from "@/lib/http/with-operator";
import { describeProviders } from "@/lib/providers/describe-providers";
import { providersQuerySchema } from "@/lib/providers/schemas";

export const dynamic = "force-dynamic";

// GET /api/providers – each provider, configured or not, with batch size, rate limit and health
export const GET = withOperator(
  async ({ query }) => ({
    providers: await describeProviders({
      refresh: query.refresh !== undefined,
    }),
  }),
  { role: "viewer", query: providersQuerySchema },
);

import { withOperator } from "@/lib/http/with-operator";
import {
  listProviderVideos,
  videosParamsSchema,
  videosQuerySchema,
} from "@/lib/providers/list-videos";

export const dynamic = "force-dynamic";

// GET /api/providers/{providerId}/videos – one page of the provider's videos (memories.ai, VOD)
export const GET = withOperator(
  async ({ params, query }) => listProviderVideos(params.providerId, query),
  { role: "viewer", params: videosParamsSchema, query: videosQuerySchema },
);

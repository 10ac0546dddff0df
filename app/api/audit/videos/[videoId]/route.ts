import { z } from "zod";
import { videoHistory } from "@/lib/audit/video-history";
import { withOperator } from "@/lib/http/with-operator";

export const dynamic = "force-dynamic";

// GET /api/audit/videos/{videoId} – every run that touched this video: outcome, provider's answer, who, when
export const GET = withOperator(
  async ({ params }) => {
    const runs = await videoHistory(params.videoId);
    return { videoId: params.videoId, touched: runs.length > 0, runs };
  },
  { role: "viewer", params: z.object({ videoId: z.string().min(1).max(200) }) },
);

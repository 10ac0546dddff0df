import { withOperator } from "@/lib/http/with-operator";
import { previewRun } from "@/lib/runs/preview-run";
import { previewBodySchema, RUN_BODY_MAX_BYTES } from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

// POST /api/runs/preview – per-ID expectation from the provider's look-up; nothing is deleted
export const POST = withOperator(
  async ({ body }) => previewRun(body.provider, body.ids),
  {
    role: "operator",
    body: previewBodySchema,
    maxBodyBytes: RUN_BODY_MAX_BYTES,
  },
);

import { withOperator } from "@/lib/http/with-operator";
import { buildOpenApi } from "@/lib/openapi/build-openapi";

export const dynamic = "force-dynamic";

// GET /api/openapi.json – the API document, generated from the zod schemas the handlers use
export const GET = withOperator(
  async ({ req }) => buildOpenApi(new URL(req.url).origin),
  { role: "viewer" },
);

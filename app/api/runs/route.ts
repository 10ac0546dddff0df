import { z } from "zod";
import { requestAudit } from "@/lib/audit/record-audit-event";
import { ApiError } from "@/lib/http/errors";
import { withOperator } from "@/lib/http/with-operator";
import { createRun } from "@/lib/runs/create-run";
import { listRuns } from "@/lib/runs/list-runs";
import {
  RUN_BODY_MAX_BYTES,
  runsQuerySchema,
  startRunBodySchema,
} from "@/lib/runs/schemas";

export const dynamic = "force-dynamic";

const idempotencyKeySchema = z.string().min(1).max(200).optional();

// GET /api/runs – run history, newest first: filters, sorting and paging on the server
export const GET = withOperator(async ({ query }) => listRuns(query), {
  role: "viewer",
  query: runsQuerySchema,
});

// POST /api/runs – start a deletion run (typed confirmation; Idempotency-Key makes retries safe)
export const POST = withOperator(
  async (ctx) => {
    const { req, operator, body } = ctx;
    const key = idempotencyKeySchema.safeParse(
      req.headers.get("idempotency-key") ?? undefined,
    );
    if (!key.success)
      throw new ApiError(
        "unprocessable",
        "Idempotency-Key must be 1–200 characters.",
      );
    // The run header's "from" and the run.started event name the same, trimmed, request.
    const audit = requestAudit(ctx);
    const { id, replayed } = await createRun(operator, body, {
      idempotencyKey: key.data,
      ip: audit.ip ?? undefined,
      userAgent: audit.userAgent ?? undefined,
      audit,
    });
    return Response.json(
      { id },
      {
        status: replayed ? 200 : 201,
        headers: replayed ? { "idempotent-replayed": "true" } : {},
      },
    );
  },
  {
    role: "operator",
    body: startRunBodySchema,
    maxBodyBytes: RUN_BODY_MAX_BYTES,
  },
);

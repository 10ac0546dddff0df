import "server-only";
import { z, type ZodType } from "zod";
import { providersResponseSchema } from "@/lib/providers/schemas";
import {
  exportQuerySchema,
  previewBodySchema,
  previewResponseSchema,
  previewStreamEventSchema,
  runItemsQuerySchema,
  runItemsResponseSchema,
  retryProcessingBodySchema,
  runSchema,
  runsListResponseSchema,
  runsQuerySchema,
  startRunBodySchema,
} from "@/lib/runs/schemas";

// The API document is derived from the same zod schemas the handlers parse with (zod 4's
// built-in JSON Schema output), so it cannot drift from what the server accepts.
const schema = (type: ZodType, io: "input" | "output" = "output") =>
  z.toJSONSchema(type, { io, unrepresentable: "any", target: "draft-2020-12" });

const errorBody = schema(
  z.object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      retryAfterSeconds: z.number().optional(),
    }),
  }),
);

const json = (body: unknown) => ({
  content: { "application/json": { schema: body } },
});
const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((code) => [
      String(code),
      { description: "Error", ...json(errorBody) },
    ]),
  );
const runIdParam = {
  name: "runId",
  in: "path",
  required: true,
  schema: { type: "string", format: "uuid" },
};

function queryParams(type: ZodType) {
  const properties =
    (schema(type, "input") as { properties?: Record<string, unknown> })
      .properties ?? {};
  return Object.entries(properties).map(([name, body]) => ({
    name,
    in: "query",
    required: false,
    schema: body,
  }));
}

export function buildOpenApi(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Erasure API",
      version: "1",
      description:
        "Bulk deletion of provider videos with proof. Authenticate with `Authorization: Bearer <token>` (or a browser session). Errors are `{ error: { code, message } }`.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    },
    security: [{ bearer: [] }],
    paths: {
      "/api/providers": {
        get: {
          summary: "Providers, their limits and health",
          responses: {
            200: json(schema(providersResponseSchema)),
            ...errors(401),
          },
        },
      },
      "/api/runs/preview": {
        post: {
          summary:
            "Per-ID preview from the provider's look-up; nothing is deleted",
          description:
            "One JSON answer by default. With `Accept: application/x-ndjson` the answer streams, one event per line as the look-ups answer: `start`, `items` (with signed `evidence` for rows a run may exclude), then `done`, or `error` if it failed part-way. Closing the connection stops the look-ups.",
          parameters: [
            {
              name: "Accept",
              in: "header",
              required: false,
              schema: {
                type: "string",
                enum: ["application/json", "application/x-ndjson"],
              },
            },
          ],
          requestBody: json(schema(previewBodySchema, "input")),
          responses: {
            200: {
              description:
                "The preview; as NDJSON events when the caller asked for the stream",
              content: {
                "application/json": { schema: schema(previewResponseSchema) },
                "application/x-ndjson": {
                  schema: schema(previewStreamEventSchema),
                },
              },
            },
            ...errors(401, 403, 409, 413, 422),
          },
        },
      },
      "/api/runs": {
        get: {
          summary: "Runs, newest first, with filters, sorting and paging",
          parameters: queryParams(runsQuerySchema),
          responses: {
            200: json(schema(runsListResponseSchema)),
            ...errors(401, 422),
          },
        },
        post: {
          summary: "Start a deletion run",
          parameters: [
            {
              name: "Idempotency-Key",
              in: "header",
              required: false,
              schema: { type: "string", maxLength: 200 },
            },
          ],
          requestBody: json(schema(startRunBodySchema, "input")),
          responses: {
            201: json(schema(z.object({ id: z.uuid() }))),
            200: {
              description:
                "Replay of the run started earlier with this Idempotency-Key and body",
              ...json(schema(z.object({ id: z.uuid() }))),
            },
            ...errors(401, 403, 409, 413, 422, 429),
          },
        },
      },
      "/api/runs/{runId}": {
        get: {
          summary: "A run's status and counts per outcome",
          parameters: [runIdParam],
          responses: { 200: json(schema(runSchema)), ...errors(401, 404) },
        },
      },
      "/api/runs/{runId}/items": {
        get: {
          summary:
            "One page of a run's rows, with the run as it was when they were read (one snapshot)",
          parameters: [runIdParam, ...queryParams(runItemsQuerySchema)],
          responses: {
            200: json(schema(runItemsResponseSchema)),
            ...errors(401, 404, 422),
          },
        },
      },
      "/api/runs/{runId}/export": {
        get: {
          summary: "Every row (or one outcome) as CSV or JSON, streamed",
          parameters: [runIdParam, ...queryParams(exportQuerySchema)],
          responses: {
            200: { description: "text/csv or application/json attachment" },
            ...errors(401, 404),
          },
        },
      },
      "/api/runs/{runId}/retry-processing": {
        post: {
          summary:
            "Re-attempt the run's processing rows every few minutes until a deadline",
          parameters: [runIdParam],
          requestBody: json(schema(retryProcessingBodySchema, "input")),
          responses: {
            200: json(schema(runSchema)),
            ...errors(401, 403, 404, 409),
          },
        },
        delete: {
          summary:
            "Stop re-attempting the run's processing rows (they stay processing); repeating it changes nothing",
          parameters: [runIdParam],
          responses: {
            200: json(schema(runSchema)),
            ...errors(401, 403, 404),
          },
        },
      },
      "/api/runs/{runId}/resume": {
        post: {
          summary:
            "Resume a paused run now (it also resumes by itself at resumeAt)",
          parameters: [runIdParam],
          responses: {
            200: json(schema(runSchema)),
            ...errors(401, 403, 404, 409),
          },
        },
      },
      "/api/runs/{runId}/cancel": {
        post: {
          summary: "Cancel a run",
          description:
            "No new batch is sent. Rows never sent end `skipped` (code `cancelled`). A batch already sent is still recorded: until then the run is `cancelling` (event `run.cancel_requested`), then `cancelled` (event `run.cancelled`); with nothing in flight it is `cancelled` at once. Cancelling a run that is already cancelling or cancelled answers 200 with the run and records nothing. A finished run answers 409.",
          parameters: [runIdParam],
          responses: {
            200: json(schema(runSchema)),
            ...errors(401, 403, 404, 409),
          },
        },
      },
    },
  };
}

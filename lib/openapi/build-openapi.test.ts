import { describe, expect, it } from "vitest";
import { buildOpenApi } from "./build-openapi";

describe("buildOpenApi", () => {
  it("describes the run endpoints with the request schemas the handlers parse", () => {
    const document = buildOpenApi("http://localhost:3000");
    expect(document.openapi).toBe("3.1.0");
    const start = document.paths["/api/runs"].post;
    const body = start.requestBody.content["application/json"].schema as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(Object.keys(body.properties).sort()).toEqual([
      "confirmation",
      "exclude",
      "idKind",
      "ids",
      "provider",
    ]);
    expect(body.required).toContain("confirmation");
    expect(body.required).not.toContain("exclude");
    expect(JSON.stringify(body.properties.exclude)).toContain("already_gone");
    // Optional for callers: a run of video IDs need not say so.
    expect(body.required).not.toContain("idKind");
    expect(JSON.stringify(body.properties.idKind)).toContain("reference");
    expect(JSON.stringify(body.properties.provider)).toContain("memories");
    // The preview answers one JSON body, or NDJSON events to a caller who asks for the stream.
    const preview = document.paths["/api/runs/preview"].post.responses[200]
      .content as Record<string, { schema: unknown }>;
    expect(Object.keys(preview).sort()).toEqual([
      "application/json",
      "application/x-ndjson",
    ]);
    expect(JSON.stringify(preview["application/x-ndjson"]!.schema)).toContain(
      "evidence",
    );
    expect(Object.keys(start.responses)).toEqual(
      expect.arrayContaining(["201", "409", "413", "429"]),
    );
    const items = document.paths["/api/runs/{runId}/items"].get.parameters.map(
      (parameter: { name: string }) => parameter.name,
    );
    expect(items).toEqual(
      expect.arrayContaining(["runId", "outcome", "sort", "offset", "limit"]),
    );
    expect(document.paths["/api/runs/{runId}/resume"].post).toBeDefined();
    expect(
      document.paths["/api/runs/{runId}/retry-processing"].delete,
    ).toBeDefined();
    // The vocabulary of docs/design.md §2, as the API names it.
    const run = JSON.stringify(document.paths["/api/runs/{runId}"].get);
    for (const word of ["skipped", "cancelling", "completed_with_issues"])
      expect(run).toContain(word);
  });
});

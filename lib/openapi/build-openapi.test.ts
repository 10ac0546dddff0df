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
      "idKind",
      "ids",
      "provider",
    ]);
    expect(body.required).toContain("confirmation");
    // Optional for callers: a run of video IDs need not say so.
    expect(body.required).not.toContain("idKind");
    expect(JSON.stringify(body.properties.idKind)).toContain("reference");
    expect(JSON.stringify(body.properties.provider)).toContain("memories");
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
  });
});

// What the AKOOL adapter puts on the wire (docs/providers/akool.md §2, §3), checked on a scripted
// AKOOL that records each request, plus the pure parsing helpers.
import { describe, expect, it } from "vitest";
import { akoolTokenExpiryMs } from "@/lib/providers/akool/auth";
import {
  AKOOL_PATHS,
  deleteReply,
  jsonReply,
  SCRIPTED_IDS,
  setupScriptedAkool,
} from "@/lib/providers/akool/testing";
import { classifyRejection, readAkoolAnswer } from "@/lib/providers/akool/wire";

const akool = setupScriptedAkool();
const [A, B] = SCRIPTED_IDS;

describe("akool request shape (akool.md §2, §3)", () => {
  it("sends only x-api-key, and the IDs as one comma-joined string", async () => {
    akool.answer(AKOOL_PATHS.delete, deleteReply([A, B]));
    await akool.adapter().delete([A, B]);
    expect(akool.seen).toHaveLength(1);
    expect(akool.seen[0]!.path).toBe(AKOOL_PATHS.delete);
    expect(akool.seen[0]!.body).toEqual({ _ids: `${A},${B}` });
    expect(akool.seen[0]!.headers["x-api-key"]).toBe("key-1");
    expect(akool.seen[0]!.headers.authorization).toBeUndefined();
  });

  it("in token mode sends only Authorization: Bearer, never x-api-key, even with an API key configured", async () => {
    akool.answer(
      AKOOL_PATHS.token,
      jsonReply({ code: 1000, token: "opaque-token" }),
    );
    akool.answer(AKOOL_PATHS.delete, deleteReply([A]));
    await akool
      .adapter({ clientId: "cid", clientSecret: "secret" })
      .delete([A]);
    expect(akool.seen.map((s) => s.path)).toEqual([
      AKOOL_PATHS.token,
      AKOOL_PATHS.delete,
    ]);
    expect(akool.seen[0]!.body).toEqual({
      clientId: "cid",
      clientSecret: "secret",
    });
    expect(akool.seen[1]!.headers.authorization).toBe("Bearer opaque-token");
    expect(akool.seen[1]!.headers["x-api-key"]).toBeUndefined();
  });

  it("treats a getToken answer without a token as malformed", async () => {
    akool.answer(AKOOL_PATHS.token, jsonReply({ code: 1000 }));
    const result = await akool
      .adapter({
        clientId: "cid",
        clientSecret: "secret",
      })
      .delete([A]);
    expect(result.get(A)).toMatchObject({
      outcome: "failed",
      code: "malformed",
      retryable: true,
      raw: '{"code":1000}',
    });
  });
});

describe("akool pure helpers", () => {
  it("classifies noPermissionItems reasons", () => {
    expect(
      classifyRejection("video resource is processing, please try again later"),
    ).toBe("processing");
    expect(classifyRejection("video resource does not exist")).toBe(
      "not_found",
    );
    expect(classifyRejection("Resource not found")).toBe("not_found");
    expect(
      classifyRejection("no permission to operate this video resource"),
    ).toBe("forbidden");
    expect(classifyRejection("")).toBe("forbidden");
  });

  it("reads a JWT's exp, and nothing from an opaque token", () => {
    const payload = Buffer.from(
      JSON.stringify({ exp: 1_800_000_000.5 }),
    ).toString("base64url");
    expect(akoolTokenExpiryMs(`h.${payload}.s`)).toBe(1_800_000_000_500);
    expect(akoolTokenExpiryMs("opaque-token")).toBeUndefined();
    expect(akoolTokenExpiryMs("h.!!!.s")).toBeUndefined();
  });

  it("classifies HTTP results before looking at the body", () => {
    const ok = (status: number, text: string) => ({
      ok: true as const,
      status,
      headers: new Headers(),
      text,
    });
    expect(readAkoolAnswer(ok(200, '{"code":1101,"msg":"x"}'))).toMatchObject({
      ok: true,
      envelope: { code: 1101 },
    });
    expect(readAkoolAnswer(ok(502, '{"code":1000}'))).toMatchObject({
      ok: false,
      failure: { code: "http_502" },
    });
    expect(readAkoolAnswer(ok(200, "<html>"))).toMatchObject({
      ok: false,
      failure: { code: "malformed" },
    });
    expect(readAkoolAnswer(ok(401, '{"code":1101,"msg":"x"}'))).toMatchObject({
      ok: true,
    });
  });
});

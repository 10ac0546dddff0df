// AKOOL answers the sandbox never gives (docs/providers/akool.md §5, §8): whole-call 1008/1009/
// 1015/1003/1102, a proxy's Retry-After, an ID in neither list that resultsByIds still shows, and a
// failed confirming look-up. A scripted HTTP server plays AKOOL here.
import { describe, expect, it } from "vitest";
import {
  AKOOL_PATHS,
  deleteReply,
  jsonReply,
  resultsReply,
  SCRIPTED_IDS,
  setupScriptedAkool,
} from "@/lib/providers/akool/testing";

const akool = setupScriptedAkool();
const [A, B] = SCRIPTED_IDS;

describe("akool whole-call business codes (akool.md §5, §8)", () => {
  it("confirms a whole-call 1008 by look-up: absent ⇒ not_found, still there ⇒ failed", async () => {
    akool.answer(
      AKOOL_PATHS.delete,
      jsonReply({ code: 1008, msg: "content does not exist", data: null }),
    );
    akool.answer(AKOOL_PATHS.lookup, resultsReply({ _id: B, status: 3 }));
    const result = await akool.adapter().delete([A, B]);
    expect(result.get(A)).toEqual({
      outcome: "not_found",
      code: "1008",
      message: "content does not exist; resultsByIds does not return it",
      retryable: false,
    });
    expect(result.get(B)).toMatchObject({
      outcome: "failed",
      code: "1008",
      retryable: true,
    });
    expect(akool.seen.map((s) => s.path)).toEqual([
      AKOOL_PATHS.delete,
      AKOOL_PATHS.lookup,
    ]);
  });

  it("maps a whole-call 1009 to forbidden for every ID, with AKOOL's code and message", async () => {
    akool.answer(
      AKOOL_PATHS.delete,
      jsonReply({ code: 1009, msg: "no permission to operate" }),
    );
    const result = await akool.adapter().delete([A, B]);
    for (const id of [A, B]) {
      expect(result.get(id)).toEqual({
        outcome: "forbidden",
        code: "1009",
        message: "no permission to operate",
        retryable: false,
      });
    }
  });

  it("retries 1015 and unknown codes, not 1003; 1102 is auth", async () => {
    const cases: [number, Record<string, unknown>][] = [
      [1015, { code: "1015", retryable: true }],
      [1234, { code: "1234", retryable: true, message: "something new" }],
      [1003, { code: "1003", retryable: false }],
      [
        1102,
        {
          code: "auth",
          retryable: true,
          message: "credentials rejected by Akool: something new",
        },
      ],
    ];
    for (const [code, expected] of cases) {
      akool.answer(
        AKOOL_PATHS.delete,
        jsonReply({ code, msg: "something new" }),
      );
      const result = await akool.adapter().delete([A]);
      expect(result.get(A)).toMatchObject({ outcome: "failed", ...expected });
    }
  });

  it("keeps Retry-After from a proxy's 429, and reads a non-2xx page as http_<status>", async () => {
    akool.answer(AKOOL_PATHS.delete, {
      status: 429,
      headers: { "retry-after": "7", "content-type": "text/html" },
      body: "<h1>slow down</h1>",
    });
    expect((await akool.adapter().delete([A])).get(A)).toMatchObject({
      code: "throttled",
      retryable: true,
      retryAfterMs: 7_000,
    });
    akool.answer(AKOOL_PATHS.delete, {
      status: 404,
      headers: { "content-type": "text/html" },
      body: "<h1>Not Found</h1>",
    });
    expect((await akool.adapter().delete([A])).get(A)).toMatchObject({
      code: "http_404",
      retryable: true,
      raw: "<h1>Not Found</h1>",
    });
  });

  it("treats a 1000 answer without the delete lists as malformed", async () => {
    akool.answer(
      AKOOL_PATHS.delete,
      jsonReply({
        code: 1000,
        msg: "Delete successfully",
        data: { successIds: "a,b" },
      }),
    );
    expect((await akool.adapter().delete([A])).get(A)).toMatchObject({
      outcome: "failed",
      code: "malformed",
      retryable: true,
    });
  });
});

describe("akool IDs in neither list (akool.md §8)", () => {
  it("still present ⇒ failed, retryable, with what resultsByIds showed; status 2 ⇒ processing", async () => {
    akool.answer(AKOOL_PATHS.delete, deleteReply([]));
    akool.answer(
      AKOOL_PATHS.lookup,
      resultsReply({ _id: A, status: 3 }, { _id: B, status: 2 }),
    );
    const result = await akool.adapter().delete([A, B]);
    expect(result.get(A)).toEqual({
      outcome: "failed",
      code: "not_deleted",
      message:
        "Akool's delete answer listed this ID neither in successIds nor in noPermissionItems; resultsByIds still returns it with status 3",
      retryable: true,
    });
    expect(result.get(B)).toMatchObject({
      outcome: "processing",
      retryable: true,
    });
  });

  it("a failed confirming look-up leaves the ID failed and retryable", async () => {
    akool.answer(AKOOL_PATHS.delete, deleteReply([A]));
    akool.answer(AKOOL_PATHS.lookup, { status: 503, body: "upstream down" });
    const result = await akool.adapter().delete([A, B]);
    expect(result.get(A)?.outcome).toBe("deleted");
    expect(result.get(B)).toMatchObject({
      outcome: "failed",
      code: "http_503",
      retryable: true,
      raw: "upstream down",
    });
    expect(result.get(B)?.message).toMatch(
      /the confirming resultsByIds look-up failed: Akool answered HTTP 503$/,
    );
  });

  it("matches IDs case-insensitively in AKOOL's answer", async () => {
    akool.answer(
      AKOOL_PATHS.delete,
      deleteReply(
        [A.toUpperCase()],
        [{ _id: B.toUpperCase(), msg: "Video Is Processing" }],
      ),
    );
    const result = await akool.adapter().delete([A, B]);
    expect(result.get(A)?.outcome).toBe("deleted");
    expect(result.get(B)?.outcome).toBe("processing");
    expect(akool.seen).toHaveLength(1);
  });
});

import { describe, expect, it } from "vitest";
import {
  EVIDENCE_MAX_AGE_MS,
  excludedByEvidence,
  signEvidence,
} from "./preview-evidence";

const scope = { provider: "vod", idKind: "video", userId: "u-1" } as const;
const at = Date.UTC(2026, 11, 7, 12);
const token = signEvidence(
  scope,
  [
    { id: "a", expectation: "already_gone" },
    { id: "b", expectation: "not_yours" },
    { id: "c", expectation: "will_delete" },
    { id: "d", expectation: "processing" },
  ],
  at,
)!;

describe("preview evidence", () => {
  it("excludes exactly the IDs the preview classified as a chosen expectation", () => {
    const excluded = excludedByEvidence(
      scope,
      ["a", "b", "c", "d"],
      { expectations: ["already_gone", "not_yours"], evidence: [token] },
      at + 1_000,
    );
    expect([...excluded.byId]).toEqual([
      ["a", "already_gone"],
      ["b", "not_yours"],
    ]);
    expect(excluded.previewedAt).toEqual(new Date(at));
  });

  it("ignores IDs that are not in the run's list", () => {
    const excluded = excludedByEvidence(
      scope,
      ["c"],
      { expectations: ["already_gone"], evidence: [token] },
      at,
    );
    expect(excluded.byId.size).toBe(0);
  });

  it("signs nothing for a batch with no excludable row", () => {
    expect(
      signEvidence(scope, [{ id: "c", expectation: "will_delete" }], at),
    ).toBeUndefined();
  });

  it.each([
    ["another user", { ...scope, userId: "u-2" }, at, /another user/],
    [
      "another provider",
      { ...scope, provider: "memories" as const },
      at,
      /another provider/,
    ],
    [
      "reference IDs",
      { ...scope, idKind: "reference" as const },
      at,
      /another provider or ID kind/,
    ],
    ["too old", scope, at + EVIDENCE_MAX_AGE_MS + 1, /more than 6 hours old/],
  ])("refuses evidence for %s", (_, useScope, now, message) => {
    expect(() =>
      excludedByEvidence(
        useScope,
        ["a"],
        { expectations: ["already_gone"], evidence: [token] },
        now,
      ),
    ).toThrow(message);
  });

  it("refuses evidence that was altered or not signed here", () => {
    const [body, signature] = token.split(".");
    const payload = JSON.parse(Buffer.from(body!, "base64url").toString());
    payload.ids.already_gone.push("c");
    const altered = `${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${signature}`;
    for (const evidence of [altered, "not-a-token", `${body}.AAAA`])
      expect(() =>
        excludedByEvidence(
          scope,
          ["a", "c"],
          { expectations: ["already_gone"], evidence: [evidence] },
          at,
        ),
      ).toThrow(/Exclusions refused/);
  });
});

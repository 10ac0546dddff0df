import { describe, expect, it } from "vitest";
import { afterOutcome, toLookupResult } from "./outcomes";

// Pure tests of how look-ups become per-ID results (docs/providers/memories.md §7, §8).

describe("afterOutcome (§8 step 3)", () => {
  const video = (status: string) => ({
    video_no: "VI1234567890",
    video_name: "a",
    status,
  });
  const verdict = { code: "0000", msg: "success" };

  it("maps gone, kept and unknown", () => {
    expect(afterOutcome("VI1234567890", { kind: "absent" }, verdict)).toEqual({
      outcome: "deleted",
      retryable: false,
      code: "0000",
      message: 'delete_videos answered 0000 "success"; no longer listed',
    });
    expect(
      afterOutcome(
        "VI1234567890",
        { kind: "present", video: video("PARSE_ERROR") },
        verdict,
      ),
    ).toMatchObject({
      outcome: "failed",
      code: "still_present",
      retryable: false,
    });
    expect(
      afterOutcome(
        "VI1234567890",
        { kind: "present", video: video("UNPARSE") },
        verdict,
      ),
    ).toMatchObject({
      outcome: "processing",
      retryable: true,
    });
    const failure = {
      code: "0001",
      message: "parameter incorrect",
      retryable: false,
    };
    expect(
      afterOutcome("VI1234567890", { kind: "failed", failure }, verdict),
    ).toMatchObject({
      outcome: "failed",
      code: "0001",
      retryable: true,
    });
  });
});

describe("toLookupResult", () => {
  const v1 = {
    baseUrl: "http://x",
    apiKey: "k",
    uniqueId: "archive",
    apiVersion: "v1" as const,
    timeoutMs: 1000,
    paceKey: "p",
  };

  it("names the namespace that was searched, or v1.1's lack of one", () => {
    expect(toLookupResult(v1, "VI1234567890", { kind: "absent" })).toEqual({
      state: "not_found",
      message: 'not listed by list_videos under unique_id "archive"',
    });
    const v11 = { ...v1, apiVersion: "v1.1" as const };
    expect(
      toLookupResult(v11, "VI1234567890", { kind: "absent" }).message,
    ).toBe("not listed by list_videos (v1.1: default namespace)");
  });

  it("warns that a PI- import may not be deletable (§7)", () => {
    const video = { video_no: "PI-603068775285264430", status: "PARSE" };
    expect(
      toLookupResult(v1, video.video_no, { kind: "present", video }),
    ).toEqual({
      state: "exists",
      status: "PARSE",
      name: "",
      message:
        "listed; a public-library import (PI-), which delete_videos may leave in place (memories.md §7)",
    });
  });
});

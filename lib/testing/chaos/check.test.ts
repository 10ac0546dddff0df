// The chaos checker itself (check.ts checkRun): each check catches the wrong row it
// names, so a chaos run that reports none is not a blind spot of the checker.
import { describe, expect, it } from "vitest";
import type { RowOutcome } from "@/lib/runs/vocabulary";
import { checkRun } from "./check";
import type { SandboxCall, TrueVideo } from "./truth";

const video = (
  id: string,
  owner = "console",
  deleted = false,
  status = "3",
): TrueVideo => ({ id, owner, deleted, status });
const state = (...videos: TrueVideo[]) => new Map(videos.map((v) => [v.id, v]));
const row = (videoId: string, outcome: RowOutcome, terminalMs = 1_000) => ({
  videoId,
  outcome,
  code: null,
  terminalMs,
});
const call = (seq: number, at: number, ids: string[]): SandboxCall => ({
  seq,
  provider: "vod",
  at,
  operation: "DeleteVideo",
  ids,
  status: 200,
});

// a: ours, deleted by the run. b: ours, untouched. c: another account's. d: never existed.
const before = state(video("a"), video("b"), video("c", "other"), video("z"));
const after = state(
  video("a", "console", true),
  video("b"),
  video("c", "other"),
  video("z"),
);
const requested = ["a", "b", "c", "d"];
const good = [
  row("a", "deleted"),
  row("b", "failed"),
  row("c", "forbidden"),
  row("d", "not_found"),
];

function check(
  rows: ReturnType<typeof row>[],
  extra: {
    calls?: SandboxCall[];
    audit?: { videoId: string; outcome: string }[];
    after?: Map<string, TrueVideo>;
  } = {},
) {
  return checkRun({
    provider: "vod",
    requested,
    before,
    after: extra.after ?? after,
    rows,
    deleteCalls: extra.calls ?? [call(1, 500, ["a", "b", "c", "d"])],
    audit:
      extra.audit ??
      rows.map((r) => ({ videoId: r.videoId, outcome: r.outcome })),
  });
}

const ids = (wrong: { id: string }[]) => wrong.map((w) => w.id);

describe("checkRun", () => {
  it("finds nothing wrong in a truthful run", () => {
    const { wrong, auditGaps, goneNotDeleted } = check(good);
    expect(Object.values(wrong).flat()).toEqual([]);
    expect(auditGaps).toEqual([]);
    expect(goneNotDeleted).toEqual([]);
  });

  it("G1: deleted while the video is still there", () => {
    const { wrong } = check([row("a", "deleted"), row("b", "deleted")]);
    expect(ids(wrong.G1)).toEqual(["b"]);
  });

  it("G2: not_found for this account's video that the run deleted", () => {
    expect(ids(check([row("a", "not_found")]).wrong.G2)).toEqual(["a"]);
  });

  it("G3 (and G1): deleted for another account's video or one that never existed", () => {
    const { wrong } = check([row("c", "deleted"), row("d", "deleted")]);
    expect(ids(wrong.G3)).toEqual(["c", "d"]);
    expect(ids(wrong.G1)).toEqual(["c", "d"]);
  });

  it("G4: pending, missing rows, a delete sent after the row was terminal, two audited outcomes", () => {
    const { wrong } = check(
      [row("a", "deleted", 1_000), row("b", "pending"), row("c", "forbidden")],
      {
        calls: [call(1, 500, ["a", "c"]), call(2, 1_001, ["a"])],
        audit: [
          { videoId: "a", outcome: "deleted" },
          { videoId: "c", outcome: "not_found" },
          { videoId: "c", outcome: "forbidden" },
        ],
      },
    );
    expect(ids(wrong.G4).sort()).toEqual(["a", "b", "c", "d"]);
  });

  it("unrequested: a delete call naming an ID outside the run, a video deleted outside it", () => {
    const { wrong } = check(good, {
      calls: [call(1, 500, ["a", "A-MALFORMED"])],
      after: state(
        video("a", "console", true),
        video("b"),
        video("c", "other"),
        video("z", "console", true),
      ),
    });
    expect(ids(wrong.unrequested)).toEqual(["A-MALFORMED", "z"]);
  });

  it("Akool: two spellings of one video are one video (G2 for the row that says not_found, G4 for the late call)", () => {
    const { wrong } = checkRun({
      provider: "akool",
      requested: ["abc", "ABC"],
      before: state(video("abc")),
      after: state(video("abc", "console", true)),
      rows: [row("abc", "deleted", 1_000), row("ABC", "not_found", 2_000)],
      deleteCalls: [
        { ...call(1, 500, ["abc"]), provider: "akool", operation: "delete" },
        { ...call(2, 1_500, ["abc"]), provider: "akool", operation: "delete" },
      ],
      audit: [
        { videoId: "abc", outcome: "deleted" },
        { videoId: "ABC", outcome: "not_found" },
      ],
    });
    expect(ids(wrong.G2)).toEqual(["ABC"]);
    expect(ids(wrong.G4)).toEqual(["abc"]);
    expect(wrong.unrequested).toEqual([]);
  });

  it("reports, without failing a check, audit gaps and gone videos whose row is not deleted", () => {
    const { wrong, auditGaps, goneNotDeleted } = check(
      [row("a", "failed"), ...good.slice(1)],
      { audit: [] },
    );
    expect(Object.values(wrong).flat()).toEqual([]);
    expect(auditGaps).toEqual(["a", "b", "c", "d"]);
    expect(ids(goneNotDeleted)).toEqual(["a"]);
  });
});

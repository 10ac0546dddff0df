// Test-only: the chaos checker. Compares a finished run's rows, the delete calls the sandbox saw
// and the audit trail with the sandbox's true state before and after the run (docs/design.md §2,
// G1–G4, plus nothing sent or deleted outside the run). Pure, so check.test.ts can prove each
// check catches what it names.
import type { ProviderId } from "@/lib/providers/types";
import type { RowOutcome } from "@/lib/runs/vocabulary";
import type { AuditItem } from "./record";
import { truthKey, type SandboxCall, type TrueVideo } from "./truth";

/** The checks, each with the IDs that break it. */
export const checks = ["G1", "G2", "G3", "G4", "unrequested"] as const;
export type Check = (typeof checks)[number];

export const checkDescriptions: Record<Check, string> = {
  G1: "`deleted` ⇒ the video was this account's before the run and is gone now",
  G2: "this account's video, there before and gone now ⇒ never `not_found`",
  G3: "absent or another account's before the run ⇒ never `deleted`",
  G4: "one terminal row per requested ID, none pending, no delete call after it was terminal, the audit trail never says otherwise",
  unrequested:
    "no delete call names, and nothing deletes, a video that is not a row of the run (malformed IDs included)",
};

export interface WrongRow {
  id: string;
  why: string;
}

const describeVideo = (video: TrueVideo | undefined) =>
  video
    ? `${video.owner === "console" ? "this account's" : `owner ${video.owner}`}, status ${video.status}${video.deleted ? ", deleted" : ""}`
    : "no such video";

/**
 * Compares one finished run with the truth. Pure: the caller gathers the rows, the sandbox's
 * state before and after the run, its delete calls since the run began and the audit items.
 */
export function checkRun(input: {
  provider: ProviderId;
  requested: string[];
  before: Map<string, TrueVideo>;
  after: Map<string, TrueVideo>;
  rows: {
    videoId: string;
    outcome: RowOutcome;
    code: string | null;
    terminalMs: number;
  }[];
  deleteCalls: SandboxCall[];
  audit: AuditItem[];
}): {
  wrong: Record<Check, WrongRow[]>;
  auditGaps: string[];
  goneNotDeleted: WrongRow[];
} {
  const { provider, before, after } = input;
  const wrong = Object.fromEntries(
    checks.map((check) => [check, [] as WrongRow[]]),
  ) as Record<Check, WrongRow[]>;
  const key = (id: string) => truthKey(provider, id);
  const oursBefore = (id: string) => {
    const video = before.get(key(id));
    return !!video && video.owner === "console" && !video.deleted;
  };
  const goneAfter = (id: string) => {
    const video = after.get(key(id));
    return !video || video.deleted;
  };
  const rowById = new Map(input.rows.map((row) => [row.videoId, row]));
  const requested = new Set(input.requested);
  const goneNotDeleted: WrongRow[] = [];

  for (const row of input.rows) {
    const id = row.videoId;
    const was = describeVideo(before.get(key(id)));
    const now = describeVideo(after.get(key(id)));
    const code = row.code ? ` (code ${row.code})` : "";
    if (row.outcome === "deleted" && !(oursBefore(id) && goneAfter(id)))
      wrong.G1.push({ id, why: `deleted${code}; before: ${was}; now: ${now}` });
    if (row.outcome === "not_found" && oursBefore(id) && goneAfter(id))
      wrong.G2.push({
        id,
        why: `not_found${code}; before: ${was}; now: ${now}`,
      });
    if (row.outcome === "deleted" && !oursBefore(id))
      wrong.G3.push({ id, why: `deleted${code}; before: ${was}` });
    if (
      row.outcome !== "deleted" &&
      row.outcome !== "not_found" &&
      oursBefore(id) &&
      goneAfter(id)
    )
      goneNotDeleted.push({
        id,
        why: `${row.outcome}${code}; before: ${was}; now: ${now}`,
      });
    if (row.outcome === "pending")
      wrong.G4.push({ id, why: "still pending after the run" });
    if (!requested.has(id))
      wrong.G4.push({ id, why: "a row for an ID that was not requested" });
  }
  for (const id of requested)
    if (!rowById.has(id)) wrong.G4.push({ id, why: "requested but no row" });

  // Nothing is sent after an outcome is terminal; nothing outside the run is sent at all. A call
  // names a video: every row for that video counts (Akool spellings differ only in case).
  const rowsByVideo = new Map<string, typeof input.rows>();
  for (const row of input.rows)
    rowsByVideo.set(key(row.videoId), [
      ...(rowsByVideo.get(key(row.videoId)) ?? []),
      row,
    ]);
  const sentAfter = new Map<string, string>();
  for (const call of input.deleteCalls) {
    for (const id of call.ids) {
      const rows = rowsByVideo.get(key(id));
      if (!rows) {
        wrong.unrequested.push({
          id,
          why: `named by delete call #${call.seq}${call.fault ? ` (fault ${call.fault})` : ""} but not a row of the run`,
        });
        continue;
      }
      for (const row of rows) {
        if (
          row.outcome !== "pending" &&
          call.at > row.terminalMs &&
          !sentAfter.has(row.videoId)
        )
          sentAfter.set(
            row.videoId,
            `delete call #${call.seq} arrived ${call.at - Math.round(row.terminalMs)} ms after the row became ${row.outcome}`,
          );
      }
    }
  }
  for (const [id, why] of sentAfter) wrong.G4.push({ id, why });
  for (const [id, video] of after) {
    const earlier = before.get(id);
    if (video.deleted && earlier && !earlier.deleted && !rowsByVideo.has(id))
      wrong.unrequested.push({
        id,
        why: `deleted during the run but not requested (${describeVideo(earlier)})`,
      });
  }

  // The audit trail: at most one terminal entry per ID, and the one the row holds.
  const terminal = new Map<string, string[]>();
  for (const item of input.audit) {
    if (item.outcome === "retry") continue;
    terminal.set(item.videoId, [
      ...(terminal.get(item.videoId) ?? []),
      item.outcome,
    ]);
  }
  const auditGaps: string[] = [];
  for (const row of input.rows) {
    const said = terminal.get(row.videoId) ?? [];
    if (said.length > 1)
      wrong.G4.push({
        id: row.videoId,
        why: `audit records ${said.length} terminal outcomes: ${said.join(", ")}`,
      });
    else if (said.length === 1 && said[0] !== row.outcome)
      wrong.G4.push({
        id: row.videoId,
        why: `audit says ${said[0]}, the row says ${row.outcome}`,
      });
    else if (said.length === 0 && row.outcome !== "pending")
      auditGaps.push(row.videoId);
  }
  return { wrong, auditGaps, goneNotDeleted };
}

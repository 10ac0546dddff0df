// Test-only: what a chaos run hands back, and how it is printed (a table per provider, and the
// offending IDs of a broken check) by the CI test and `npm run chaos`.
import type { ProviderId } from "@/lib/providers/types";
import { issueOutcomes, type RowOutcome } from "@/lib/runs/vocabulary";
import { checks, type Check, type WrongRow } from "./check";

export interface ProviderReport {
  provider: ProviderId;
  runId: string;
  runStatus: string;
  finished: boolean;
  /** Entries of the submitted list, distinct well-formed IDs (= rows expected) and their mix. */
  submitted: number;
  requested: number;
  mix: {
    ours: number;
    processing: number;
    foreign: number;
    missing: number;
    duplicates: number;
    malformed: number;
    /** Upper-case spellings of listed Akool IDs (caseVariants). */
    caseVariants: number;
  };
  rows: number;
  outcomes: Partial<Record<RowOutcome, number>>;
  /** Rows settled from the pre-state of a call whose answer was lost (codes of settle.ts). */
  settledInDoubt: number;
  /** Kills that hit while this run still had pending rows. */
  kills: number;
  /** Provider calls during the run, and those answered by an injected fault, per kind. */
  calls: number;
  deleteCalls: number;
  faults: Record<string, number>;
  wrong: Record<Check, WrongRow[]>;
  /** Terminal rows with no terminal entry in any `items.recorded` audit event (not asserted). */
  auditGaps: string[];
  /**
   * This account's videos that are gone after the run but whose row is neither `deleted` nor
   * `not_found` (e.g. `failed` after the last attempt): no guarantee is broken, the record is
   * only less complete than it could be (not asserted).
   */
  goneNotDeleted: WrongRow[];
  /** For the first wrong IDs of each check: what happened to them, in time order (timeline()). */
  timelines: Record<string, string[]>;
}

export interface ChaosReport {
  seed: number;
  kills: number;
  /** Worker starts after the kills, until every run finished (each stopped with SIGTERM). */
  finishRestarts: number;
  durationMs: number;
  providers: ProviderReport[];
}

/**
 * Offending IDs with their reasons, at most `limit` of them, for a failure message; with
 * `timelines`, what happened to each of them too.
 */
export function describeWrong(
  rows: WrongRow[],
  limit = 20,
  timelines: Record<string, string[]> = {},
): string {
  const shown = rows
    .slice(0, limit)
    .flatMap((row) => [
      `  ${row.id}: ${row.why}`,
      ...(timelines[row.id] ?? []).map((line) => `      ${line}`),
    ]);
  if (rows.length > limit) shown.push(`  … and ${rows.length - limit} more`);
  return shown.join("\n");
}

/** One line per provider: rows, kills, faults seen, wrong rows per check. */
export function formatChaosTable(report: ChaosReport): string {
  const header = [
    "provider",
    "rows",
    "outcomes",
    "kills",
    "calls",
    "faults seen",
    "in doubt",
    ...checks,
    "gone, not deleted",
    "audit gaps",
  ];
  const lines = report.providers.map((p) => [
    p.provider,
    String(p.rows),
    Object.entries(p.outcomes)
      .map(([outcome, n]) => `${outcome} ${n}`)
      .join(", "),
    String(p.kills),
    String(p.calls),
    `${Object.values(p.faults).reduce((a, b) => a + b, 0)} (${Object.entries(
      p.faults,
    )
      .map(([kind, n]) => `${kind} ${n}`)
      .join(", ")})`,
    String(p.settledInDoubt),
    ...checks.map((check) => String(p.wrong[check].length)),
    String(p.goneNotDeleted.length),
    String(p.auditGaps.length),
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...lines.map((line) => line[i]!.length)),
  );
  const format = (cells: string[]) =>
    cells.map((cell, i) => cell.padEnd(widths[i]!)).join("  ");
  return [
    format(header),
    format(widths.map((w) => "-".repeat(w))),
    ...lines.map(format),
  ].join("\n");
}

/**
 * The status a finished chaos run must end in: "with issues" when any row is refused, failed or
 * still processing, else completed (a small mix can have none of those).
 */
export function expectedRunStatus(p: Pick<ProviderReport, "outcomes">) {
  return issueOutcomes.some((outcome) => (p.outcomes[outcome] ?? 0) > 0)
    ? "completed_with_issues"
    : "completed";
}

import { Download, RotateCcw } from "lucide-react";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { rowOutcomeLabels } from "@/lib/runs/outcome-labels";
import { exportUrl } from "@/lib/runs/queries";
import type { Run, RunRowFilter } from "@/lib/runs/schemas";
import { cn } from "@/lib/utils";
import { CopyIdsButton } from "./copy-ids-button";
import { RetryProcessingButton } from "./retry-processing-button";
import { formatCount } from "../../../../../components/runs/format";

// Links that look like the outline Button (which renders a <button>, not an <a>).
const linkButton =
  "border-border bg-card hover:bg-muted focus-visible:ring-ring inline-flex h-8 items-center gap-2 rounded-md border px-3 text-xs font-medium whitespace-nowrap transition-colors focus-visible:ring-2 focus-visible:outline-none";

/** Export, copy or reuse the rows of the current outcome filter (all rows without one). */
export function RunActions({
  run,
  filter,
  matchingCount,
  live,
  canStartRun,
}: {
  run: Run;
  /** The table's filters: every action here applies to exactly the rows they match. */
  filter: RunRowFilter;
  /** Rows matching a video-ID filter, as the table's last page said; unknown until it answers. */
  matchingCount: number | undefined;
  /** Rows may still change, so copies are fetched fresh. */
  live: boolean;
  canStartRun: boolean;
}) {
  const { outcome, q } = filter;
  const count = q ? matchingCount : outcome ? run.counts[outcome] : run.total;
  const scope = `${outcome ? `${rowOutcomeLabels[outcome].label} rows` : "All rows"}${
    q ? ` with “${q}” in the ID` : ""
  }`;
  const newRun = new URLSearchParams({
    provider: run.provider,
    fromRun: run.id,
    ...(outcome ? { outcome } : {}),
    ...(q ? { q } : {}),
  });
  return (
    <Card className="flex flex-wrap items-center gap-2 p-3">
      <p className="text-muted-foreground mr-auto text-sm">
        <span className="text-foreground font-medium">{scope}</span> (
        {count === undefined ? "…" : formatCount(count)})
      </p>
      {(["csv", "json"] as const).map((format) => (
        <a
          key={format}
          className={linkButton}
          href={exportUrl(run.id, { format, ...filter })}
          aria-describedby="run-export-times"
          download
        >
          <Download aria-hidden className="size-4" />
          Export {format.toUpperCase()}
        </a>
      ))}
      <p id="run-export-times" className="text-muted-foreground text-xs">
        Times in the file are in UTC, ISO 8601.
      </p>
      <CopyIdsButton
        key={`${outcome ?? "all"}:${q ?? ""}`}
        runId={run.id}
        filter={filter}
        live={live}
        disabled={count === 0}
      />
      {canStartRun ? <RetryProcessingButton run={run} /> : null}
      {canStartRun ? (
        <Link
          className={cn(
            linkButton,
            count === 0 && "pointer-events-none opacity-50",
          )}
          aria-disabled={count === 0}
          href={`/runs/new?${newRun.toString()}`}
        >
          <RotateCcw aria-hidden className="size-4" />
          Start a new run from these rows
        </Link>
      ) : null}
    </Card>
  );
}

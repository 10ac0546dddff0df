import Link from "next/link";
import type { ReactNode } from "react";
import { formatCount } from "@/components/runs/format";
import { describeCounts, OutcomeBar } from "@/components/runs/outcome-bar";
import { RunStatusBadge } from "@/components/runs/run-badges";
import type { Run } from "@/lib/runs/schemas";

/** One run in a home card: provider, status, progress bar and counts, a link to its page. */
export function HomeRunRow({
  run,
  providerLabel,
  detail,
}: {
  run: Run;
  providerLabel: string;
  /** A line under the counts (why it waits, when it resumes). */
  detail?: ReactNode;
}) {
  const settled = run.total - run.counts.pending;
  const percent = run.total > 0 ? Math.floor((settled / run.total) * 100) : 0;
  return (
    <li className="space-y-1.5 py-2.5 first:pt-0 last:pb-0">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        <Link
          href={`/runs/${run.id}`}
          className="font-medium underline-offset-2 hover:underline"
        >
          {providerLabel} · {formatCount(run.total)}{" "}
          {run.total === 1 ? "video" : "videos"}
        </Link>
        <RunStatusBadge status={run.status} />
        <span className="text-muted-foreground ml-auto text-xs">
          {run.createdBy.email}
        </span>
      </div>
      <OutcomeBar counts={run.counts} total={run.total} />
      <p className="text-muted-foreground text-xs">
        <span className="text-foreground tabular-nums">
          {formatCount(settled)} of {formatCount(run.total)} ({percent}%)
        </span>{" "}
        · {describeCounts(run.counts)}
      </p>
      {detail ? <p className="text-xs">{detail}</p> : null}
    </li>
  );
}

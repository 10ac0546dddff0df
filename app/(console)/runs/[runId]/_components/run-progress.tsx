import { Card } from "@/components/ui/card";
import { isActiveRunStatus } from "@/lib/runs/outcome-labels";
import type { Run } from "@/lib/runs/schemas";
import {
  formatCount,
  formatDuration,
  formatRate,
} from "../../../../../components/runs/format";
import { OutcomeBar } from "../../../../../components/runs/outcome-bar";

function eta(run: Run): string {
  if (run.status === "queued") return "Waiting to start";
  if (run.status === "paused") return "Paused";
  if (run.status === "cancelling") return "Recording the batch in flight";
  return run.etaSeconds === null
    ? "Estimating…"
    : `About ${formatDuration(run.etaSeconds)} left`;
}

function duration(run: Run): string {
  if (!run.finishedAt || !run.startedAt) return "—";
  return formatDuration(
    (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000,
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className="font-medium tabular-nums">{value}</dd>
    </div>
  );
}

/** Done of total (done = every row no longer pending), drawn as a bar stacked by outcome. */
export function RunProgress({ run }: { run: Run }) {
  const done = run.total - run.counts.pending;
  const percent = run.total ? Math.floor((done / run.total) * 100) : 100;
  const active = isActiveRunStatus(run.status);
  return (
    <Card className="space-y-3 p-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <p className="text-sm">
          <span className="text-2xl font-semibold tabular-nums">
            {formatCount(done)}
          </span>{" "}
          of {formatCount(run.total)} done{" "}
          <span className="text-muted-foreground">({percent}%)</span>
        </p>
        <dl className="flex gap-6 text-sm">
          {active ? (
            <>
              <Stat
                label="Rate"
                value={
                  run.ratePerSecond === null
                    ? "—"
                    : formatRate(run.ratePerSecond)
                }
              />
              <Stat label="Time left" value={eta(run)} />
            </>
          ) : (
            <Stat label="Took" value={duration(run)} />
          )}
        </dl>
      </div>
      <div
        role="progressbar"
        aria-label="Run progress"
        aria-valuemin={0}
        aria-valuemax={run.total}
        aria-valuenow={done}
        aria-valuetext={`${formatCount(done)} of ${formatCount(run.total)} done`}
      >
        <OutcomeBar counts={run.counts} total={run.total} className="h-3" />
      </div>
    </Card>
  );
}

import Link from "next/link";
import type { ReactNode } from "react";
import { Time } from "@/components/time/time";
import { Card } from "@/components/ui/card";
import { useProviders } from "@/lib/providers/queries";
import type { Run } from "@/lib/runs/schemas";
import { startedViaText } from "@/lib/runs/started-via";
import { cn } from "@/lib/utils";
import { ResumeRunButton } from "./resume-run-button";
import { RunStatusBadge } from "../../../../../components/runs/run-badges";

function When({ date, none }: { date: Date | null; none: string }) {
  return date ? (
    <Time value={date} />
  ) : (
    <span className="text-muted-foreground">{none}</span>
  );
}

/** Who started what, where, when, and on which typed confirmation: the run's proof at a glance. */
export function RunHeader({
  run,
  actions,
  canAct = false,
}: {
  run: Run;
  actions?: ReactNode;
  /** May resume a paused run (operators and admins). */
  canAct?: boolean;
}) {
  const providers = useProviders();
  const providerLabel =
    providers.data?.find((provider) => provider.id === run.provider)?.label ??
    run.provider;
  const alarming = run.status === "paused" || run.status === "aborted";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <Link
            href="/runs"
            className="text-muted-foreground hover:text-foreground text-sm"
          >
            ← All runs
          </Link>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">
            Deletion on {providerLabel}
          </h1>
          <p className="text-muted-foreground mt-1 truncate font-mono text-xs">
            {run.id}
          </p>
        </div>
        {actions}
      </div>
      <p
        role="status"
        aria-label="Run status"
        className={cn(
          "flex flex-wrap items-center gap-2 text-sm",
          alarming &&
            run.statusReason &&
            "border-warning/50 bg-warning/10 rounded-md border px-3 py-2",
        )}
      >
        <RunStatusBadge status={run.status} />
        {run.statusReason ? <span>{run.statusReason}</span> : null}
        {run.resumeAt ? (
          <span className="text-muted-foreground">
            Resumes by itself at <When date={run.resumeAt} none="" />.
          </span>
        ) : null}
        {canAct && run.status === "paused" ? (
          <ResumeRunButton runId={run.id} />
        ) : null}
      </p>
      <Card>
        <dl className="grid gap-x-6 gap-y-4 p-4 text-sm sm:grid-cols-2 lg:grid-cols-3">
          <div>
            <dt className="text-muted-foreground text-xs">Provider</dt>
            <dd className="mt-0.5 font-medium">{providerLabel}</dd>
            <dd className="text-muted-foreground text-xs">
              {run.idKind === "reference"
                ? "IDs are reference IDs"
                : "IDs are video IDs"}
            </dd>
          </div>
          <div>
            <dt className="text-muted-foreground text-xs">Started by</dt>
            <dd className="mt-0.5">
              <span className="font-medium">{run.createdBy.name}</span>{" "}
              <span className="text-muted-foreground">
                ({run.createdBy.email})
              </span>
              <span className="text-muted-foreground block text-xs">
                {startedViaText(run.startedVia)}
              </span>
            </dd>
          </div>
          <div>
            <dt className="text-muted-foreground text-xs">
              Confirmation typed
            </dt>
            <dd className="mt-0.5 font-mono">“{run.confirmation}”</dd>
            <dd className="text-muted-foreground text-xs">
              from {run.startedFromIp ?? "an unknown address"}
            </dd>
          </div>
          <div>
            <dt className="text-muted-foreground text-xs">Created</dt>
            <dd className="mt-0.5">
              <When date={run.createdAt} none="—" />
            </dd>
          </div>
          <div>
            <dt className="text-muted-foreground text-xs">Started</dt>
            <dd className="mt-0.5">
              <When date={run.startedAt} none="Not yet" />
            </dd>
          </div>
          <div>
            <dt className="text-muted-foreground text-xs">Finished</dt>
            <dd className="mt-0.5">
              <When date={run.finishedAt} none="Not yet" />
            </dd>
          </div>
        </dl>
      </Card>
    </div>
  );
}

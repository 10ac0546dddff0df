"use client";

import { useQuery } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import Link from "next/link";
import { formatDuration } from "@/components/runs/format";
import { Time } from "@/components/time/time";
import { homeQueryOptions } from "@/lib/home/queries";
import type { AwaitingRun, HomeOverview } from "@/lib/home/schemas";
import { RunListCard } from "./home-card";
import { HomeRunRow } from "./home-run-row";
import { OutcomesChartCard } from "./outcomes-chart-card";
import { ProviderHealthCard } from "./provider-health-card";

function AwaitingDetail({ entry }: { entry: AwaitingRun }) {
  if (entry.reason === "paused")
    return (
      <>
        <span className="text-muted-foreground">Paused</span>
        {entry.run.statusReason ? `: ${entry.run.statusReason}` : ""}
        {entry.until ? (
          <>
            {" "}
            · resumes by itself at <Time value={entry.until} />
          </>
        ) : (
          " · resumes on an operator's word"
        )}
      </>
    );
  return (
    <>
      <span className="text-muted-foreground">
        {entry.run.counts.processing.toLocaleString("en-US")} still processing
      </span>{" "}
      · retried
      {entry.everySeconds ? ` every ${formatDuration(entry.everySeconds)}` : ""}
      {entry.until ? (
        <>
          {" "}
          until <Time value={entry.until} />
        </>
      ) : null}
    </>
  );
}

/**
 * The home page: what needs attention first (runs in progress, waiting, with problems), then the
 * providers and the last 30 days. Rendered with the server's figures, then polled.
 */
export function HomeDashboard({
  initial,
  canStartRun,
}: {
  initial: HomeOverview;
  canStartRun: boolean;
}) {
  const {
    data = initial,
    isError,
    error,
  } = useQuery({
    ...homeQueryOptions(),
    initialData: initial,
  });
  const label = (provider: string) =>
    data.providers.find((entry) => entry.id === provider)?.label ?? provider;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Home</h1>
          <p className="text-muted-foreground mt-1 text-sm">
            What is running, what waits, what went wrong, and the providers.
          </p>
        </div>
        {canStartRun ? (
          <Link
            href="/runs/new"
            className="bg-primary text-primary-foreground hover:bg-primary/90 inline-flex h-9 items-center gap-2 rounded-md px-4 text-sm font-medium"
          >
            <Plus aria-hidden className="size-4" />
            New deletion
          </Link>
        ) : null}
      </div>
      {isError ? (
        <p role="alert" className="text-destructive text-sm">
          Could not refresh: {error.message}. Showing figures from{" "}
          <Time value={data.generatedAt} />.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <RunListCard
          id="home-in-progress"
          title="In progress"
          total={data.inProgress.total}
          empty="No run is in progress."
          moreHref="/runs?status=running"
          rows={data.inProgress.runs.map((run) => (
            <HomeRunRow
              key={run.id}
              run={run}
              providerLabel={label(run.provider)}
            />
          ))}
        />
        <RunListCard
          id="home-awaiting"
          title="Awaiting"
          description="Paused runs and processing rows scheduled for retry."
          total={data.awaiting.total}
          empty="Nothing is waiting."
          moreHref="/runs?status=paused"
          rows={data.awaiting.runs.map((entry) => (
            <HomeRunRow
              key={entry.run.id}
              run={entry.run}
              providerLabel={label(entry.run.provider)}
              detail={<AwaitingDetail entry={entry} />}
            />
          ))}
        />
        <RunListCard
          id="home-problems"
          title="Recent problems"
          description="Runs of the last 30 days that ended with forbidden, failed or still-processing rows, or were aborted."
          total={data.problems.total}
          empty="No problems in the last 30 days."
          moreHref="/runs?hasFailed=1"
          rows={data.problems.runs.map((run) => (
            <HomeRunRow
              key={run.id}
              run={run}
              providerLabel={label(run.provider)}
              detail={
                run.finishedAt ? (
                  <span className="text-muted-foreground">
                    Ended <Time value={run.finishedAt} format="compact" />
                    {run.statusReason ? ` · ${run.statusReason}` : ""}
                  </span>
                ) : undefined
              }
            />
          ))}
        />
        <ProviderHealthCard budgets={data.providers} />
      </div>
      <OutcomesChartCard days={data.days} />
    </div>
  );
}

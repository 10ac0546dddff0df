"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { FetchError } from "@/lib/http/fetch-json";
import { isActiveRunStatus } from "@/lib/runs/outcome-labels";
import { runItemsQueryOptions, runQueryOptions } from "@/lib/runs/queries";
import type { RunItemsQuery } from "@/lib/runs/schemas";
import { CancelRunButton } from "./cancel-run-button";
import { RunActions } from "./run-actions";
import { RunHeader } from "./run-header";
import { RunItemsTable } from "./run-items-table";
import { RunProgress } from "./run-progress";
import { RunTimeline, runEventsQueryKey } from "./run-timeline";
import { isLiveRun } from "../../../../../components/runs/is-live-run";

/**
 * Rows and the audit timeline stop polling with the run; when it ends, fetch them once more so
 * they show the final outcomes and events rather than the last ones seen while it was running.
 */
function useFinalRowsRefresh(runId: string, live: boolean | undefined) {
  const queryClient = useQueryClient();
  const wasLive = useRef(live);
  useEffect(() => {
    if (wasLive.current && live === false) {
      void queryClient.invalidateQueries({
        queryKey: runItemsQueryOptions(runId).queryKey.slice(0, 3),
      });
      void queryClient.invalidateQueries({
        queryKey: runEventsQueryKey(runId),
      });
    }
    wasLive.current = live;
  }, [live, queryClient, runId]);
}

/** The run page: header, live progress, actions and the row table. Polls while the run is active. */
export function RunView({
  runId,
  query,
  canAct,
}: {
  runId: string;
  query: RunItemsQuery;
  /** Operators may cancel the run and start a new one from its rows. */
  canAct: boolean;
}) {
  // The table's own query (it fetches; this only reads along): how many rows a video-ID
  // filter matches, for the actions that apply to them.
  const matching = useQuery({
    ...runItemsQueryOptions(runId, query),
    enabled: false,
  });
  const run = useQuery({
    ...runQueryOptions(runId),
    // A run that does not exist will not appear on a second try.
    retry: (failures, error) =>
      failures < 1 && !(error instanceof FetchError && error.status === 404),
    // The rows' polls bring the run along, read in the same snapshot (runItemsQueryOptions):
    // polling it on its own too would let the header lag the rows by up to a poll.
    refetchInterval: false,
  });
  const live = run.data ? isLiveRun(run.data) : undefined;
  useFinalRowsRefresh(runId, live);

  if (run.isPending) {
    return <p className="text-muted-foreground text-sm">Loading run…</p>;
  }
  if (run.isError) {
    const missing =
      run.error instanceof FetchError && run.error.code === "not_found";
    return (
      <div role="alert" className="space-y-2">
        <h1 className="text-xl font-semibold">
          {missing ? "Run not found" : "Could not load this run"}
        </h1>
        <p className="text-muted-foreground text-sm">
          {missing ? "There is no run with this ID." : run.error.message}{" "}
          <Link className="underline" href="/runs">
            Go to runs
          </Link>
        </p>
      </div>
    );
  }
  const active = isActiveRunStatus(run.data.status);
  const filter = { outcome: query.outcome, q: query.q };
  return (
    <div className="space-y-6">
      <RunHeader
        run={run.data}
        canAct={canAct}
        actions={
          // A run already cancelling has nothing left to cancel.
          canAct && active && run.data.status !== "cancelling" ? (
            <CancelRunButton runId={runId} />
          ) : undefined
        }
      />
      <RunProgress run={run.data} />
      <RunActions
        run={run.data}
        filter={filter}
        matchingCount={matching.data?.total}
        live={live === true}
        canStartRun={canAct}
      />
      <RunItemsTable
        runId={runId}
        provider={run.data.provider}
        query={query}
        counts={run.data.counts}
        total={run.data.total}
        live={live === true}
      />
      <RunTimeline runId={runId} live={live === true} />
    </div>
  );
}

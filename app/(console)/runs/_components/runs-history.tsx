"use client";

import { useQuery } from "@tanstack/react-query";
import { DataTable } from "@/components/data-table/data-table";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { useUrlQuery } from "@/components/data-table/use-url-query";
import { Card } from "@/components/ui/card";
import { RUN_POLL_MS, runsQueryOptions } from "@/lib/runs/queries";
import type { RunsQuery } from "@/lib/runs/schemas";
import { RunsFilters } from "./runs-filters";
import {
  hasRunFilters,
  runsApiQuery,
  runsSearchString,
} from "./runs-search-params";
import { useRunsTable } from "./use-runs-table";
import { isLiveRun } from "../../../../components/runs/is-live-run";

/**
 * Every run, newest first by default, paged, sorted and filtered by the server from URL state.
 * Polls while a run on the page can still change, and stops once they have all ended.
 */
export function RunsHistory({ query }: { query: RunsQuery }) {
  const runs = useQuery({
    ...runsQueryOptions(runsApiQuery(query)),
    refetchInterval: (current) =>
      current.state.data?.runs.some(isLiveRun) ? RUN_POLL_MS : false,
  });
  const navigation = useUrlQuery(query, runsSearchString);
  const { update, isPending } = navigation;
  const table = useRunsTable(navigation.query, runs.data, update);

  return (
    <Card className="space-y-4 p-4" aria-busy={isPending || runs.isFetching}>
      <RunsFilters query={navigation.query} onChange={update} />
      {runs.isError ? (
        <p role="alert" className="text-destructive text-sm">
          Could not load runs: {runs.error.message}
        </p>
      ) : null}
      <div className="border-border overflow-hidden rounded-md border">
        <DataTable
          table={table}
          label="Runs"
          rowHeight={60}
          rowOffset={query.offset}
          scrollKey={runsSearchString(query)}
          // Fits the card beside the sidebar at 1440 px; narrower windows scroll inside the card.
          className="min-w-[68rem]"
          empty={
            runs.isPending
              ? "Loading runs…"
              : hasRunFilters(query)
                ? "No runs match these filters."
                : "No runs yet."
          }
        />
      </div>
      <DataTablePagination
        table={table}
        pageRowCount={runs.data?.runs.length ?? 0}
      />
    </Card>
  );
}

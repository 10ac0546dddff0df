import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import { DataTable } from "@/components/data-table/data-table";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { Card } from "@/components/ui/card";
import { RUN_POLL_MS, runItemsQueryOptions } from "@/lib/runs/queries";
import type { OutcomeCounts, RunItemsQuery } from "@/lib/runs/schemas";
import { itemsSearchString } from "./items-search-params";
import { OutcomeChips } from "./outcome-chips";
import { useRunItemsTable } from "./use-run-items-table";
import { VideoIdFilter } from "./video-id-filter";

/** One row per requested video ID, paged, sorted and filtered by the server from URL state. */
export function RunItemsTable({
  runId,
  provider,
  query,
  counts,
  total,
  live,
}: {
  runId: string;
  /** Whose status codes the rows' messages name. */
  provider: string;
  query: RunItemsQuery;
  counts: OutcomeCounts;
  total: number;
  /** While the run can still change, its rows are polled too. */
  live: boolean;
}) {
  const items = useQuery({
    ...runItemsQueryOptions(runId, query),
    refetchInterval: live ? RUN_POLL_MS : false,
  });
  const { table, isNavigating } = useRunItemsTable(query, items.data, provider);

  const setQ = useCallback(
    (q: string) => table.getColumn("videoId")?.setFilterValue(q || undefined),
    [table],
  );

  return (
    <Card
      className="space-y-4 p-4"
      aria-busy={isNavigating || items.isFetching}
    >
      <div className="flex flex-wrap items-center justify-between gap-3">
        <OutcomeChips
          counts={counts}
          total={total}
          selected={query.outcome}
          onSelect={(outcome) =>
            table.getColumn("outcome")?.setFilterValue(outcome)
          }
        />
        <VideoIdFilter value={query.q ?? ""} onChange={setQ} />
      </div>
      {items.isError ? (
        <p role="alert" className="text-destructive text-sm">
          Could not load rows: {items.error.message}
        </p>
      ) : null}
      <div className="border-border overflow-hidden rounded-md border">
        <DataTable
          table={table}
          label="Run rows"
          rowOffset={query.offset}
          scrollKey={itemsSearchString(query)}
          className="min-w-[58rem]"
          empty={
            items.isPending
              ? "Loading rows…"
              : query.q || query.outcome
                ? "No rows match this filter."
                : "This run has no rows."
          }
        />
      </div>
      <DataTablePagination
        table={table}
        pageRowCount={items.data?.items.length ?? 0}
      />
    </Card>
  );
}

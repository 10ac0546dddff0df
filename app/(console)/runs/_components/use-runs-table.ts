import {
  functionalUpdate,
  useTable,
  type PaginationState,
  type SortingState,
} from "@tanstack/react-table";
import { useMemo } from "react";
import { dataTableFeatures } from "@/components/data-table/data-table-features";
import {
  runSortSchema,
  type Run,
  type RunsListResponse,
  type RunsQuery,
} from "@/lib/runs/schemas";
import { runColumns } from "./columns";
import { RUNS_PAGE_SIZE } from "./runs-search-params";

const noRuns: Run[] = [];

/**
 * The history table in manual mode: sort and page are controlled by the URL query, and the table
 * only turns clicks into new query values for the server to answer. Filters live in the filter bar.
 */
export function useRunsTable(
  query: RunsQuery,
  page: RunsListResponse | undefined,
  update: (patch: Partial<RunsQuery>) => void,
) {
  const sorting = useMemo<SortingState>(
    () => [{ id: query.sort, desc: query.dir === "desc" }],
    [query.sort, query.dir],
  );
  const pagination = useMemo<PaginationState>(
    () => ({
      pageIndex: query.offset / RUNS_PAGE_SIZE,
      pageSize: RUNS_PAGE_SIZE,
    }),
    [query.offset],
  );

  return useTable({
    features: dataTableFeatures,
    columns: runColumns,
    data: page?.runs ?? noRuns,
    getRowId: (run) => run.id,
    rowCount: page?.total ?? 0,
    manualSorting: true,
    manualFiltering: true,
    manualPagination: true,
    autoResetPageIndex: false,
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting, pagination },
    onSortingChange: (updater) => {
      const [next] = functionalUpdate(updater, sorting);
      const sort = runSortSchema.safeParse(next?.id);
      if (sort.success)
        update({
          sort: sort.data,
          dir: next?.desc ? "desc" : "asc",
          offset: 0,
        });
    },
    onPaginationChange: (updater) =>
      update({
        offset:
          functionalUpdate(updater, pagination).pageIndex * RUNS_PAGE_SIZE,
      }),
  });
}

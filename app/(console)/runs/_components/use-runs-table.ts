import { useTable } from "@tanstack/react-table";
import { dataTableFeatures } from "@/components/data-table/data-table-features";
import {
  serverTableOptions,
  useServerPaging,
} from "@/components/data-table/use-server-paging";
import type { Run, RunsListResponse, RunsQuery } from "@/lib/runs/schemas";
import { runSorts } from "@/lib/runs/vocabulary";
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
  const paging = useServerPaging(query, RUNS_PAGE_SIZE, runSorts, update);

  return useTable({
    features: dataTableFeatures,
    columns: runColumns,
    data: page?.runs ?? noRuns,
    getRowId: (run) => run.id,
    rowCount: page?.total ?? 0,
    ...serverTableOptions,
    state: { sorting: paging.sorting, pagination: paging.pagination },
    onSortingChange: paging.onSortingChange,
    onPaginationChange: paging.onPaginationChange,
  });
}

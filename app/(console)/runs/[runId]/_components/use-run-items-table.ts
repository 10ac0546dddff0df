import {
  functionalUpdate,
  useTable,
  type ColumnFiltersState,
} from "@tanstack/react-table";
import { useMemo } from "react";
import { dataTableFeatures } from "@/components/data-table/data-table-features";
import {
  serverTableOptions,
  useServerPaging,
} from "@/components/data-table/use-server-paging";
import { useUrlQuery } from "@/components/data-table/use-url-query";
import type { RunItem, RunItemsQuery } from "@/lib/runs/schemas";
import { itemSorts, rowOutcomes } from "@/lib/runs/vocabulary";
import { oneOf } from "@/lib/search-params";
import { runItemColumnsFor } from "./columns";
import { ITEMS_PAGE_SIZE, itemsSearchString } from "./items-search-params";

const noItems: RunItem[] = [];

/**
 * The row table in manual mode: every slice (sort, filters, page) is controlled by the URL query,
 * and the table only turns clicks into new query values for the server to answer.
 */
export function useRunItemsTable(
  serverQuery: RunItemsQuery,
  page: { items: RunItem[]; total: number } | undefined,
  provider: string,
) {
  const columns = useMemo(() => runItemColumnsFor(provider), [provider]);
  const { query, update, isPending } = useUrlQuery(
    serverQuery,
    itemsSearchString,
  );

  const paging = useServerPaging(query, ITEMS_PAGE_SIZE, itemSorts, update);
  const columnFilters = useMemo<ColumnFiltersState>(
    () => [
      ...(query.q ? [{ id: "videoId", value: query.q }] : []),
      ...(query.outcome ? [{ id: "outcome", value: query.outcome }] : []),
    ],
    [query.q, query.outcome],
  );

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: page?.items ?? noItems,
    getRowId: (item) => item.videoId,
    rowCount: page?.total ?? 0,
    ...serverTableOptions,
    state: {
      sorting: paging.sorting,
      columnFilters,
      pagination: paging.pagination,
    },
    onSortingChange: paging.onSortingChange,
    onColumnFiltersChange: (updater) => {
      const next = functionalUpdate(updater, columnFilters);
      const value = (id: string) =>
        next.find((filter) => filter.id === id)?.value;
      const q = value("videoId");
      update({
        q: typeof q === "string" && q.trim() ? q.trim() : undefined,
        outcome: oneOf(rowOutcomes, value("outcome")),
        offset: 0,
      });
    },
    onPaginationChange: paging.onPaginationChange,
  });

  return { table, isNavigating: isPending };
}

import {
  functionalUpdate,
  type PaginationState,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { useMemo } from "react";

/** Table options every server-driven table shares: the server sorts, filters and pages. */
export const serverTableOptions = {
  manualSorting: true,
  manualFiltering: true,
  manualPagination: true,
  autoResetPageIndex: false,
  enableMultiSort: false,
  enableSortingRemoval: false,
} as const;

interface PagedQuery<S extends string> {
  sort: S;
  dir: "asc" | "desc";
  offset: number;
}

/**
 * Sort and page of a server-driven table (manual mode): the table state is read from the URL
 * query, and a click on a header or pager becomes a query patch (back to the first page on a
 * new sort). Only `sortKeys`, the keys the server accepts, are sent.
 */
export function useServerPaging<S extends string>(
  query: PagedQuery<S>,
  pageSize: number,
  sortKeys: readonly S[],
  update: (patch: Partial<PagedQuery<S>>) => void,
) {
  const sorting = useMemo<SortingState>(
    () => [{ id: query.sort, desc: query.dir === "desc" }],
    [query.sort, query.dir],
  );
  const pagination = useMemo<PaginationState>(
    () => ({ pageIndex: query.offset / pageSize, pageSize }),
    [query.offset, pageSize],
  );
  return {
    sorting,
    pagination,
    onSortingChange: (updater: Updater<SortingState>) => {
      const [next] = functionalUpdate(updater, sorting);
      const sort = sortKeys.find((key) => key === next?.id);
      if (sort !== undefined)
        update({
          sort,
          dir: next?.desc ? "desc" : "asc",
          offset: 0,
        });
    },
    onPaginationChange: (updater: Updater<PaginationState>) =>
      update({
        offset: functionalUpdate(updater, pagination).pageIndex * pageSize,
      }),
  };
}

// One features declaration for every table whose rows are paged, sorted and filtered by the
// server (docs/style.md "Tables at scale"). Table 9 only exposes the APIs of registered features.
import {
  columnFilteringFeature,
  filterFn_equalsString,
  filterFn_includesString,
  metaHelper,
  rowPaginationFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_datetime,
  sortFn_text,
  tableFeatures,
} from "@tanstack/react-table";

export interface DataTableColumnMeta {
  /** Width and alignment classes, applied to the header and every cell of the column. */
  className?: string;
}

/**
 * Tables built on this run with `manualSorting`, `manualFiltering` and `manualPagination`, so the
 * functions below never process rows. They are registered anyway: `'auto'` sort directions and
 * `setFilterValue` (which drops a filter when it is cleared) look them up, and an unregistered
 * built-in silently does nothing (docs/style.md "From S").
 */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  sortFns: {
    alphanumeric: sortFn_alphanumeric,
    text: sortFn_text,
    datetime: sortFn_datetime,
  },
  columnFilteringFeature,
  filterFns: {
    includesString: filterFn_includesString,
    equalsString: filterFn_equalsString,
  },
  rowPaginationFeature,
  columnMeta: metaHelper<DataTableColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;

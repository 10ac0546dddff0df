import type { RowData, Table } from "@tanstack/react-table";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { DataTableFeatures } from "./data-table-features";

/** "Rows 201–400 of 1,250" with previous/next buttons, for a server-paged table. */
export function DataTablePagination<TData extends RowData>({
  table,
  pageRowCount,
}: {
  table: Table<DataTableFeatures, TData>;
  /** Rows actually on this page (the last page may be short). */
  pageRowCount: number;
}) {
  // A snapshot is enough: the table's owner re-renders whenever pagination changes.
  const { pageIndex, pageSize } = table.atoms.pagination.get();
  const total = table.getRowCount();
  const first = total === 0 ? 0 : pageIndex * pageSize + 1;
  const last = Math.min(total, pageIndex * pageSize + pageRowCount);
  return (
    <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 text-sm">
      <p className="text-muted-foreground" aria-live="polite">
        {total === 0
          ? "No rows"
          : pageRowCount === 0
            ? `No rows on this page (${total.toLocaleString("en-US")} in all)`
            : `Rows ${first.toLocaleString("en-US")}–${last.toLocaleString("en-US")} of ${total.toLocaleString("en-US")}`}
      </p>
      <div className="flex items-center gap-2">
        <Button
          variant="outline"
          size="sm"
          onClick={() => table.previousPage()}
          disabled={!table.getCanPreviousPage()}
        >
          <ChevronLeft aria-hidden className="size-4" />
          Previous
        </Button>
        <Button
          variant="outline"
          size="sm"
          onClick={() => table.nextPage()}
          disabled={!table.getCanNextPage()}
        >
          Next
          <ChevronRight aria-hidden className="size-4" />
        </Button>
      </div>
    </div>
  );
}

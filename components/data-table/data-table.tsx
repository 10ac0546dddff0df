import {
  FlexRender,
  type Header,
  type RowData,
  type Table,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, type ReactNode } from "react";
import { cn } from "@/lib/utils";
import type { DataTableFeatures } from "./data-table-features";

interface DataTableProps<TData extends RowData> {
  table: Table<DataTableFeatures, TData>;
  /** Accessible name of the table. */
  label: string;
  /** Height of the scroll container in pixels; rows outside it are not rendered. */
  height?: number;
  /** Estimated row height; rows are measured once rendered. */
  rowHeight?: number;
  /** Position of the first row in the whole (server-side) result, for aria-rowindex. */
  rowOffset?: number;
  /** Shown in a single full-width row when the page is empty. */
  empty: ReactNode;
  /** Scroll back to the top whenever this changes (a new page, sort or filter). */
  scrollKey?: string;
  className?: string;
}

function ariaSort<TData extends RowData>(
  header: Header<DataTableFeatures, TData, unknown>,
) {
  if (!header.column.getCanSort()) return undefined;
  const sorted = header.column.getIsSorted();
  return sorted === "asc"
    ? "ascending"
    : sorted === "desc"
      ? "descending"
      : "none";
}

/**
 * A table of one server-side page, with virtualised rows in a fixed-height scroll container
 * (docs/style.md "Tables at scale"). Rows are flex boxes positioned by the virtualiser, so every element
 * carries its ARIA role explicitly: browsers drop table semantics from re-displayed table parts.
 */
export function DataTable<TData extends RowData>({
  table,
  label,
  height = 560,
  rowHeight = 44,
  rowOffset = 0,
  empty,
  scrollKey,
  className,
}: DataTableProps<TData>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = table.getRowModel().rows;
  // The app does not run the React Compiler; this component re-renders with its table's owner.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 12,
    // Lets the first rows render before the container has been measured.
    initialRect: { width: 0, height },
  });

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [scrollKey]);

  return (
    <div
      ref={scrollRef}
      className="relative overflow-auto"
      style={{ height }}
      tabIndex={0}
      aria-label={`${label} (scrollable)`}
      role="region"
    >
      <table
        role="table"
        aria-label={label}
        aria-rowcount={table.getRowCount() + 1}
        className={cn("grid w-full text-sm", className)}
      >
        <thead role="rowgroup" className="bg-muted sticky top-0 z-10 grid">
          {table.getHeaderGroups().map((group) => (
            <tr
              key={group.id}
              role="row"
              aria-rowindex={1}
              className="flex w-full"
            >
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  role="columnheader"
                  aria-sort={ariaSort(header)}
                  className={cn(
                    "text-muted-foreground flex min-w-0 flex-1 items-center px-3 py-2 text-left text-xs font-medium",
                    header.column.columnDef.meta?.className,
                  )}
                >
                  {header.isPlaceholder ? null : <FlexRender header={header} />}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody
          role="rowgroup"
          className="relative grid"
          style={{ height: rows.length ? virtualizer.getTotalSize() : "auto" }}
        >
          {rows.length === 0 ? (
            <tr role="row" className="flex w-full">
              <td
                role="cell"
                className="text-muted-foreground w-full px-3 py-10 text-center"
              >
                {empty}
              </td>
            </tr>
          ) : null}
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return (
              <tr
                key={row.id}
                role="row"
                data-index={item.index}
                ref={virtualizer.measureElement}
                aria-rowindex={rowOffset + item.index + 2}
                className="border-border hover:bg-muted/50 absolute flex w-full border-t"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                {row.getAllCells().map((cell) => (
                  <td
                    key={cell.id}
                    role="cell"
                    className={cn(
                      "flex min-w-0 flex-1 items-center px-3 py-2",
                      cell.column.columnDef.meta?.className,
                    )}
                  >
                    <FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

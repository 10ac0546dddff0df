import {
  useTable,
  type RowSelectionState,
  type SortingState,
} from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { libraryColumnsFor, libraryFeatures } from "./library-columns";
import type { VideoSummary } from "./videos-query";

interface LibraryTableProps {
  /** Whose list: its status codes are shown in words. */
  provider: string;
  videos: VideoSummary[];
  rowSelection: RowSelectionState;
  onRowSelectionChange: (
    updater:
      RowSelectionState | ((old: RowSelectionState) => RowSelectionState),
  ) => void;
  loading: boolean;
}

const ariaSort = { asc: "ascending", desc: "descending" } as const;

export function LibraryTable({
  provider,
  videos,
  rowSelection,
  onRowSelectionChange,
  loading,
}: LibraryTableProps) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const withOwner = videos.some((video) => video.owner);
  const columns = useMemo(
    () => libraryColumnsFor(provider, withOwner),
    [provider, withOwner],
  );
  const table = useTable({
    features: libraryFeatures,
    columns,
    data: videos,
    // Selection is keyed by video ID, so it survives paging, sorting and refetches.
    getRowId: (video) => video.id,
    state: { rowSelection, sorting },
    onRowSelectionChange,
    onSortingChange: setSorting,
    enableRowSelection: true,
  });
  return (
    <div className="border-border max-h-96 overflow-auto rounded-md border">
      <table className="w-full text-sm" aria-busy={loading}>
        <thead className="bg-muted text-muted-foreground sticky top-0 text-left text-xs">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted ? ariaSort[sorted] : undefined}
                    className="px-3 py-2 font-medium"
                  >
                    {header.isPlaceholder ? null : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.length === 0 ? (
            <tr>
              <td
                colSpan={columns.length}
                className="text-muted-foreground px-3 py-6 text-center"
              >
                {loading ? "Loading videos…" : "No videos match."}
              </td>
            </tr>
          ) : (
            table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                className="border-border data-[selected=true]:bg-accent/60 border-t"
                data-selected={row.getIsSelected()}
              >
                {row.getAllCells().map((cell) => (
                  <td key={cell.id} className="px-3 py-1.5">
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

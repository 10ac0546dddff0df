import {
  createColumnHelper,
  rowSelectionFeature,
  tableFeatures,
  useTable,
  type RowSelectionState,
} from "@tanstack/react-table";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "./checkbox";
import type { VideoSummary } from "./videos-query";

// Paging, filtering and sorting happen on the provider (manual); only selection is the table's.
const features = tableFeatures({ rowSelectionFeature });
const helper = createColumnHelper<typeof features, VideoSummary>();

const columns = helper.columns([
  helper.display({
    id: "select",
    header: ({ table }) => (
      <Checkbox
        aria-label="Select all videos on this page"
        checked={table.getIsAllPageRowsSelected()}
        indeterminate={
          table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected()
        }
        onChange={(event) =>
          table.toggleAllPageRowsSelected(event.target.checked)
        }
      />
    ),
    cell: ({ row }) => (
      <Checkbox
        aria-label={`Select ${row.original.name || row.original.id}`}
        checked={row.getIsSelected()}
        onChange={(event) => row.toggleSelected(event.target.checked)}
      />
    ),
  }),
  helper.accessor("name", {
    header: "Name",
    cell: (info) =>
      info.getValue() || (
        <span className="text-muted-foreground">Untitled</span>
      ),
  }),
  helper.accessor("id", {
    header: "Video ID",
    cell: (info) => (
      <code className="font-mono text-xs">{info.getValue()}</code>
    ),
  }),
  helper.accessor("status", {
    header: "Status",
    cell: (info) => <Badge>{info.getValue() || "—"}</Badge>,
  }),
  helper.accessor("createdAt", {
    header: "Created",
    cell: (info) => {
      const value = info.getValue();
      return value ? (
        <span className="whitespace-nowrap">
          {new Date(value).toLocaleString()}
        </span>
      ) : (
        "—"
      );
    },
  }),
]);

interface LibraryTableProps {
  videos: VideoSummary[];
  rowSelection: RowSelectionState;
  onRowSelectionChange: (
    updater:
      RowSelectionState | ((old: RowSelectionState) => RowSelectionState),
  ) => void;
  loading: boolean;
}

export function LibraryTable({
  videos,
  rowSelection,
  onRowSelectionChange,
  loading,
}: LibraryTableProps) {
  const table = useTable({
    features,
    columns,
    data: videos,
    // Selection is keyed by video ID, so it survives paging and refetches.
    getRowId: (video) => video.id,
    state: { rowSelection },
    onRowSelectionChange,
    enableRowSelection: true,
  });
  return (
    <div className="border-border max-h-96 overflow-auto rounded-md border">
      <table className="w-full text-sm" aria-busy={loading}>
        <thead className="bg-muted text-muted-foreground sticky top-0 text-left text-xs">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  scope="col"
                  className="px-3 py-2 font-medium"
                >
                  {header.isPlaceholder ? null : (
                    <table.FlexRender header={header} />
                  )}
                </th>
              ))}
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

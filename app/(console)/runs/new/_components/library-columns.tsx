import {
  createColumnHelper,
  createSortedRowModel,
  rowSelectionFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
  type Column,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import { ProviderStatus } from "@/components/runs/provider-status";
import { Time } from "@/components/time/time";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "./checkbox";
import type { VideoSummary } from "./videos-query";

// Paging and filtering happen on the provider (manual). Sorting orders the page on screen: neither
// provider sorts its list by name or status. Every sort function a column names is registered
// here; Table 9 silently ignores an unregistered one (docs/style.md "From S").
export const libraryFeatures = tableFeatures({
  rowSelectionFeature,
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: {
    alphanumeric: sortFn_alphanumeric,
    text: sortFn_text,
    // ISO 8601 timestamps of one format sort as text in time order.
    basic: sortFn_basic,
  },
});
type Features = typeof libraryFeatures;
const helper = createColumnHelper<Features, VideoSummary>();

function SortHeader<TValue>({
  column,
  title,
}: {
  column: Column<Features, VideoSummary, TValue>;
  title: string;
}) {
  const sorted = column.getIsSorted();
  const Icon =
    sorted === "asc" ? ArrowUp : sorted === "desc" ? ArrowDown : ChevronsUpDown;
  return (
    <button
      type="button"
      onClick={column.getToggleSortingHandler()}
      className="hover:text-foreground focus-visible:ring-ring -mx-1 inline-flex items-center gap-1 rounded px-1 focus-visible:ring-2 focus-visible:outline-none"
    >
      {title}
      <Icon aria-hidden className="size-3.5 shrink-0 opacity-70" />
    </button>
  );
}

const selectColumn = helper.display({
  id: "select",
  enableSorting: false,
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
});

/** The provider's status in words, its own code in the tooltip (Akool's `2` reads "Processing"). */
const statusColumn = (provider: string) =>
  helper.accessor("status", {
    sortFn: "text",
    header: ({ column }) => <SortHeader column={column} title="Status" />,
    cell: (info) => (
      <ProviderStatus provider={provider} status={info.getValue()} />
    ),
  });

const baseColumns = [
  selectColumn,
  helper.accessor("name", {
    sortFn: "text",
    header: ({ column }) => <SortHeader column={column} title="Name" />,
    cell: (info) =>
      info.getValue() || (
        <span className="text-muted-foreground">Untitled</span>
      ),
  }),
  helper.accessor("id", {
    sortFn: "alphanumeric",
    header: ({ column }) => <SortHeader column={column} title="Video ID" />,
    cell: (info) => (
      <code className="font-mono text-xs">{info.getValue()}</code>
    ),
  }),
];

/** Only where the provider's list says whose each video is (VOD's application). */
const ownerColumn = helper.accessor((video) => video.owner ?? "", {
  id: "owner",
  sortFn: "text",
  header: ({ column }) => <SortHeader column={column} title="Owner" />,
  cell: ({ row }) => {
    const { owner, ownedByConsole } = row.original;
    if (!owner) return "—";
    return ownedByConsole === false ? (
      <span
        className="whitespace-nowrap"
        title="Another application's video: deleting it will end Forbidden."
      >
        <Badge tone="warning">{owner}</Badge>{" "}
        <span className="text-muted-foreground text-xs">not yours</span>
      </span>
    ) : (
      <span className="text-muted-foreground text-xs whitespace-nowrap">
        {owner} (this console&apos;s)
      </span>
    );
  },
});

const createdColumn = helper.accessor((video) => video.createdAt ?? "", {
  id: "createdAt",
  sortFn: "basic",
  sortDescFirst: true,
  header: ({ column }) => <SortHeader column={column} title="Created" />,
  cell: ({ row }) => {
    const value = row.original.createdAt;
    return value ? (
      <span className="whitespace-nowrap">
        <Time value={value} />
      </span>
    ) : (
      "—"
    );
  },
});

/** The picker's columns for `provider`'s list; an Owner column where the list says whose. */
export const libraryColumnsFor = (provider: string, withOwner: boolean) =>
  helper.columns([
    ...baseColumns,
    statusColumn(provider),
    ...(withOwner ? [ownerColumn] : []),
    createdColumn,
  ]);

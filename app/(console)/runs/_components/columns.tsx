import { createColumnHelper } from "@tanstack/react-table";
import { KeyRound, Monitor } from "lucide-react";
import Link from "next/link";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import type { DataTableFeatures } from "@/components/data-table/data-table-features";
import { Time } from "@/components/time/time";
import { useProviders } from "@/lib/providers/queries";
import type { Run } from "@/lib/runs/schemas";
import { startedViaToken } from "@/lib/runs/started-via";
import {
  formatCount,
  formatDuration,
} from "../../../../components/runs/format";
import {
  describeCounts,
  OutcomeBar,
} from "../../../../components/runs/outcome-bar";
import { RunStatusBadge } from "../../../../components/runs/run-badges";

const helper = createColumnHelper<DataTableFeatures, Run>();

const dash = <span className="text-muted-foreground">—</span>;

function ProviderName({ id, idKind }: { id: string; idKind: Run["idKind"] }) {
  const providers = useProviders();
  return (
    <span className="min-w-0">
      <span className="block truncate">
        {providers.data?.find((provider) => provider.id === id)?.label ?? id}
      </span>
      {idKind === "reference" ? (
        <span className="text-muted-foreground block text-xs">
          by reference ID
        </span>
      ) : null}
    </span>
  );
}

/** Columns of the runs history. Sort ids match the API's `sort` values. */
export const runColumns = helper.columns([
  helper.accessor("createdAt", {
    header: ({ column }) => (
      <DataTableColumnHeader column={column} title="Started" />
    ),
    // The link stretches over the whole row (rows are positioned), so any cell opens the run.
    cell: ({ row }) => (
      <Link
        href={`/runs/${row.original.id}`}
        className="focus-visible:after:ring-ring flex min-w-0 flex-col leading-tight font-medium after:absolute after:inset-0 hover:underline focus-visible:outline-none focus-visible:after:ring-2 focus-visible:after:ring-inset"
      >
        <Time value={row.original.createdAt} />
        <span className="text-muted-foreground font-mono text-xs font-normal">
          {row.original.id.slice(0, 8)}
        </span>
      </Link>
    ),
    meta: { className: "w-48 flex-none" },
  }),
  helper.accessor((run) => run.createdBy.email, {
    id: "operator",
    header: "Operator",
    enableSorting: false,
    cell: ({ row }) => (
      <div className="flex min-w-0 flex-col leading-tight">
        <span className="truncate">{row.original.createdBy.name}</span>
        <span className="text-muted-foreground truncate text-xs">
          {row.original.createdBy.email}
        </span>
      </div>
    ),
    meta: { className: "min-w-40" },
  }),
  helper.accessor("provider", {
    header: ({ column }) => (
      <DataTableColumnHeader column={column} title="Provider" />
    ),
    cell: ({ getValue, row }) => (
      <ProviderName id={getValue()} idKind={row.original.idKind} />
    ),
    meta: { className: "w-28 flex-none" },
  }),
  helper.accessor("total", {
    header: ({ column }) => (
      <DataTableColumnHeader column={column} title="Outcomes" />
    ),
    cell: ({ row }) => {
      const { counts, total } = row.original;
      const summary = `${formatCount(total)} IDs: ${describeCounts(counts)}`;
      return (
        <div className="flex w-full min-w-0 flex-col gap-1">
          <OutcomeBar counts={counts} total={total} />
          <span
            className="text-muted-foreground truncate text-xs"
            title={summary}
          >
            {summary}
          </span>
        </div>
      );
    },
    meta: { className: "w-60 flex-none" },
  }),
  helper.accessor("status", {
    header: ({ column }) => (
      <DataTableColumnHeader column={column} title="Status" />
    ),
    cell: ({ getValue }) => <RunStatusBadge status={getValue()} />,
    meta: { className: "w-32 flex-none" },
  }),
  helper.accessor((run) => run.startedAt, {
    id: "duration",
    header: ({ column }) => (
      <DataTableColumnHeader column={column} title="Duration" />
    ),
    cell: ({ row }) => {
      const { startedAt, finishedAt } = row.original;
      if (!startedAt) return dash;
      const end = finishedAt?.getTime() ?? Date.now();
      return (
        <span className="tabular-nums">
          {formatDuration((end - startedAt.getTime()) / 1000)}
          {finishedAt ? null : (
            <span className="text-muted-foreground"> so far</span>
          )}
        </span>
      );
    },
    meta: { className: "w-28 flex-none" },
  }),
  helper.accessor("startedVia", {
    header: "Started via",
    enableSorting: false,
    cell: ({ getValue }) => {
      const via = getValue();
      const Icon = startedViaToken(via) === null ? Monitor : KeyRound;
      const label = startedViaToken(via) ?? "Browser";
      return (
        <span className="flex min-w-0 items-center gap-1.5" title={via}>
          <Icon
            aria-hidden
            className="text-muted-foreground size-3.5 shrink-0"
          />
          <span className="truncate">
            {via === "browser" ? null : (
              <span className="sr-only">API token </span>
            )}
            {label}
          </span>
        </span>
      );
    },
    meta: { className: "w-36 flex-none" },
  }),
]);

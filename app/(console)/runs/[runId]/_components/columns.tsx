import { createColumnHelper } from "@tanstack/react-table";
import { DataTableColumnHeader } from "@/components/data-table/data-table-column-header";
import type { DataTableFeatures } from "@/components/data-table/data-table-features";
import { Time } from "@/components/time/time";
import { withStatusWords } from "@/lib/providers/status-words";
import type { RunItem } from "@/lib/runs/schemas";
import { OutcomeBadge } from "../../../../../components/runs/run-badges";

const helper = createColumnHelper<DataTableFeatures, RunItem>();

const dash = <span className="text-muted-foreground">—</span>;

/**
 * Columns of the run's row table. Sort ids match the API's `sort` values. Messages name the
 * provider's status codes in words (the message as recorded is the tooltip, and the export's).
 */
export const runItemColumnsFor = (provider: string) =>
  helper.columns([
    helper.accessor("videoId", {
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title="Video ID" />
      ),
      cell: ({ getValue }) => (
        <span className="truncate font-mono text-xs" title={getValue()}>
          {getValue()}
        </span>
      ),
      filterFn: "includesString",
      meta: { className: "w-80 flex-none" },
    }),
    helper.accessor("outcome", {
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title="Outcome" />
      ),
      cell: ({ getValue, row }) => (
        <OutcomeBadge outcome={getValue()} code={row.original.code} />
      ),
      filterFn: "equalsString",
      // Wide enough for "Skipped — excluded: still processing".
      meta: { className: "w-64 flex-none" },
    }),
    helper.accessor("code", {
      header: "Code",
      enableSorting: false,
      cell: ({ getValue }) => {
        const code = getValue();
        return code ? (
          <span className="truncate font-mono text-xs" title={code}>
            {code}
          </span>
        ) : (
          dash
        );
      },
      meta: { className: "w-32 flex-none" },
    }),
    helper.accessor("message", {
      header: "Message",
      enableSorting: false,
      cell: ({ getValue }) => {
        const message = getValue();
        return message ? (
          <span className="truncate" title={message}>
            {withStatusWords(provider, message)}
          </span>
        ) : (
          dash
        );
      },
      meta: { className: "min-w-40" },
    }),
    helper.accessor("attempts", {
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title="Attempts" />
      ),
      cell: ({ getValue }) => (
        <span className="tabular-nums">{getValue()}</span>
      ),
      meta: { className: "w-24 flex-none" },
    }),
    helper.accessor("updatedAt", {
      header: ({ column }) => (
        <DataTableColumnHeader column={column} title="Updated" />
      ),
      cell: ({ getValue, row }) => {
        const { outcome, nextAttemptAt } = row.original;
        // A still-processing row is retried later, and a pending row may wait out a backoff; a
        // pending row that is merely due (next attempt in the past) needs no second line.
        const nextTry =
          nextAttemptAt &&
          (outcome === "processing" ||
            (outcome === "pending" && nextAttemptAt.getTime() > Date.now()))
            ? nextAttemptAt
            : null;
        return (
          <div className="flex min-w-0 flex-col text-xs leading-tight">
            <Time value={getValue()} format="compact" />
            {nextTry ? (
              <span className="text-muted-foreground">
                Next try <Time value={nextTry} format="compact" />
              </span>
            ) : null}
          </div>
        );
      },
      meta: { className: "w-40 flex-none" },
    }),
  ]);

"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { useProviders } from "@/lib/providers/queries";
import { RUN_POLL_MS, runsQueryOptions } from "@/lib/runs/queries";
import { formatCount, formatDateTime } from "./format";
import { isLiveRun } from "./is-live-run";
import { describeCounts, OutcomeBar } from "./outcome-bar";
import { RunStatusBadge } from "./run-badges";

const headers = ["Started", "Operator", "Provider", "Status", "Outcomes"];

function MessageRow({ children }: { children: React.ReactNode }) {
  return (
    <tr>
      <td
        colSpan={headers.length + 1}
        className="text-muted-foreground px-4 py-10 text-center"
      >
        {children}
      </td>
    </tr>
  );
}

/** Recent runs, newest first; refreshed while any of them can still change. */
export function RunsList() {
  const runs = useQuery({
    ...runsQueryOptions(),
    refetchInterval: (query) =>
      query.state.data?.some(isLiveRun) ? RUN_POLL_MS : false,
  });
  const providers = useProviders();
  const providerLabel = (id: string) =>
    providers.data?.find((provider) => provider.id === id)?.label ?? id;

  return (
    <Card className="overflow-x-auto">
      <table className="w-full text-sm" aria-label="Runs">
        <thead className="bg-muted text-muted-foreground text-left text-xs">
          <tr>
            {headers.map((header) => (
              <th key={header} className="px-4 py-2 font-medium">
                {header}
              </th>
            ))}
            <th className="px-4 py-2 text-right font-medium">Total</th>
          </tr>
        </thead>
        <tbody>
          {runs.isPending ? <MessageRow>Loading runs…</MessageRow> : null}
          {runs.isError ? (
            <MessageRow>
              <span role="alert" className="text-destructive">
                Could not load runs: {runs.error.message}
              </span>
            </MessageRow>
          ) : null}
          {runs.data?.length === 0 ? (
            <MessageRow>No runs yet.</MessageRow>
          ) : null}
          {runs.data?.map((run) => (
            // The link stretches over the whole row, so any cell opens the run.
            <tr
              key={run.id}
              className="border-border hover:bg-muted/50 relative border-t"
            >
              <td className="px-4 py-3 whitespace-nowrap">
                <Link
                  href={`/runs/${run.id}`}
                  className="font-medium after:absolute after:inset-0 hover:underline"
                >
                  <time dateTime={run.createdAt.toISOString()}>
                    {formatDateTime(run.createdAt)}
                  </time>
                </Link>
              </td>
              <td className="px-4 py-3">
                <span className="block">{run.createdBy.name}</span>
                <span className="text-muted-foreground block text-xs">
                  {run.createdBy.email}
                </span>
              </td>
              <td className="px-4 py-3">{providerLabel(run.provider)}</td>
              <td className="px-4 py-3">
                <RunStatusBadge status={run.status} />
              </td>
              <td className="w-56 px-4 py-3" title={describeCounts(run.counts)}>
                <OutcomeBar counts={run.counts} total={run.total} />
                <span className="sr-only">{describeCounts(run.counts)}</span>
              </td>
              <td className="px-4 py-3 text-right tabular-nums">
                {formatCount(run.total)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

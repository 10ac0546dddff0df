"use client";

import { useQuery } from "@tanstack/react-query";
import { Card } from "@/components/ui/card";
import { runEventsResponseSchema } from "@/lib/audit/schemas";
import { fetchJson } from "@/lib/http/fetch-json";

const actionLabels: Record<string, string> = {
  "run.started": "Confirmed and started",
  "items.recorded": "Batch recorded",
  "run.cancelled": "Cancelled",
  "run.retry_scheduled": "Processing rows scheduled for retry",
  "run.resumed": "Resumed",
  "export.downloaded": "Exported",
};

function summary(action: string, details: Record<string, unknown>): string {
  if (action === "run.started")
    return `typed “${String(details.confirmation)}”`;
  if (action === "items.recorded" && Array.isArray(details.items)) {
    const counts = new Map<string, number>();
    for (const item of details.items as { outcome: string }[])
      counts.set(item.outcome, (counts.get(item.outcome) ?? 0) + 1);
    return [...counts]
      .map(([outcome, n]) => `${n} ${outcome.replace("_", " ")}`)
      .join(", ");
  }
  if (action === "run.resumed" && details.pausedBecause)
    return `paused because ${String(details.pausedBecause)}`;
  if (action === "export.downloaded")
    return `${String(details.format ?? "")} (${String(details.outcome ?? "all")})`;
  return "";
}

export const runEventsQueryKey = (runId: string) =>
  ["runs", "events", runId] as const;

/** The run's audit events: who confirmed which phrase, when and from which IP, then every batch. */
export function RunTimeline({ runId, live }: { runId: string; live: boolean }) {
  const events = useQuery({
    queryKey: runEventsQueryKey(runId),
    queryFn: async () =>
      runEventsResponseSchema.parse(
        await fetchJson(`/api/runs/${runId}/events`),
      ),
    refetchInterval: live ? 5_000 : false,
  });
  const started = events.data?.events.find(
    (event) => event.action === "run.started",
  );
  return (
    <Card className="space-y-3 p-4">
      <h2 className="text-base font-semibold">Audit timeline</h2>
      {started ? (
        <p className="text-sm" data-testid="run-confirmation">
          Confirmed by <strong>{started.actor}</strong>, who typed “
          {String(started.details.confirmation)}” at{" "}
          {new Date(started.at).toLocaleString()} from{" "}
          {started.ip ?? "an unknown address"}.
        </p>
      ) : null}
      {events.isError ? (
        <p role="alert" className="text-destructive text-sm">
          Could not load the timeline: {events.error.message}
        </p>
      ) : null}
      <ol
        aria-label="Audit timeline"
        className="max-h-64 space-y-1 overflow-y-auto text-xs"
      >
        {events.data?.events.map((event) => (
          <li key={event.position} className="flex gap-3">
            <span className="text-muted-foreground w-44 shrink-0 tabular-nums">
              {new Date(event.at).toLocaleString()}
            </span>
            <span className="font-medium">
              {actionLabels[event.action] ?? event.action}
            </span>
            <span className="text-muted-foreground min-w-0 truncate">
              {summary(event.action, event.details)}
            </span>
            <span className="text-muted-foreground ml-auto shrink-0">
              #{event.position}
            </span>
          </li>
        ))}
      </ol>
      {events.data?.truncated ? (
        <p className="text-muted-foreground text-xs">
          Showing the first 500 events; the rest are in the audit log.
        </p>
      ) : null}
    </Card>
  );
}

"use client";

import {
  useInfiniteQuery,
  useQuery,
  useQueryClient,
  type InfiniteData,
} from "@tanstack/react-query";
import { Time } from "@/components/time/time";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { RunEvent, RunEventsResponse } from "@/lib/audit/schemas";
import { fetchJson } from "@/lib/http/fetch-json";

const actionLabels: Record<string, string> = {
  "run.started": "Confirmed and started",
  "items.recorded": "Batch recorded",
  "run.cancel_requested": "Cancel requested",
  "run.cancelled": "Cancelled",
  "run.retry_scheduled": "Processing rows scheduled for retry",
  "run.retry_stopped": "Processing retries stopped",
  "run.resumed": "Resumed",
  "export.downloaded": "Exported",
};

/** Events per page; "Show older" fetches as many again. */
const PAGE_SIZE = 100;
/** A live run's timeline asks for what is new this often. */
const LIVE_POLL_MS = 5_000;
/** A poll that finds more than this many pages of new events leaves the rest to the next one. */
const MAX_PAGES_PER_POLL = 10;

function summary(action: string, details: Record<string, unknown>): string {
  if (action === "run.started")
    return `typed “${String(details.confirmation)}”`;
  if (action === "items.recorded" && Array.isArray(details.items)) {
    const counts = new Map<string, number>();
    for (const item of details.items as { outcome: string }[])
      counts.set(item.outcome, (counts.get(item.outcome) ?? 0) + 1);
    const recorded = [...counts]
      .map(([outcome, n]) => `${n} ${outcome.replace("_", " ")}`)
      .join(", ");
    // Recorded after the cancel request, but sent before it (lib/runs/cancel-run.ts).
    return details.inFlightWhenCancelRequested
      ? `${recorded}, in flight when cancel was requested`
      : recorded;
  }
  if (action === "run.cancel_requested")
    return `${Number(details.inFlight ?? 0)} in flight, ${Number(details.skipped ?? 0)} skipped`;
  if (action === "run.resumed" && details.pausedBecause)
    return `paused because ${String(details.pausedBecause)}`;
  if (action === "export.downloaded")
    return `${String(details.format ?? "")} (${String(details.outcome ?? "all")})`;
  return "";
}

/** Every timeline query of the run starts with this key (the run page invalidates it at the end). */
export const runEventsQueryKey = (runId: string) =>
  ["runs", "events", runId] as const;
const pagesKey = (runId: string) => [...runEventsQueryKey(runId), "pages"];

async function fetchEvents(
  runId: string,
  cursor: { before?: number; after?: number },
): Promise<RunEventsResponse> {
  const search = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (cursor.before !== undefined) search.set("before", String(cursor.before));
  if (cursor.after !== undefined) search.set("after", String(cursor.after));
  // The schema (and zod) loads next to the first request, not with the page.
  const [schemas, body] = await Promise.all([
    import("@/lib/audit/schemas"),
    fetchJson(`/api/runs/${runId}/events?${search}`),
  ]);
  return schemas.runEventsResponseSchema.parse(body);
}

type Pages = InfiniteData<RunEventsResponse, number | null>;

/**
 * While the run is live: fetches only the events after the newest one held and puts them at the
 * top of the first page, so a poll costs what is new, not the whole timeline.
 */
function useNewEvents(runId: string, live: boolean, loaded: boolean) {
  const queryClient = useQueryClient();
  useQuery({
    queryKey: [...runEventsQueryKey(runId), "new"],
    enabled: live && loaded,
    refetchInterval: live ? LIVE_POLL_MS : false,
    queryFn: async () => {
      const newestHeld = () =>
        queryClient.getQueryData<Pages>(pagesKey(runId))?.pages[0]?.events[0]
          ?.position ?? 0;
      for (let page = 0; page < MAX_PAGES_PER_POLL; page++) {
        const after = newestHeld();
        const fresh = await fetchEvents(runId, { after });
        queryClient.setQueryData<Pages>(pagesKey(runId), (data) => {
          if (!data?.pages[0]) return data;
          const [first, ...rest] = data.pages;
          // The whole timeline may have been refetched meanwhile: keep only what it lacks.
          const top = first.events[0]?.position ?? 0;
          const added = fresh.events.filter((event) => event.position > top);
          if (added.length === 0) return data;
          return {
            ...data,
            pages: [{ ...first, events: [...added, ...first.events] }, ...rest],
          };
        });
        if (!fresh.hasNewer) break;
      }
      return newestHeld();
    },
  });
}

function EventRow({ event }: { event: RunEvent }) {
  return (
    <li className="flex gap-3">
      <span className="text-muted-foreground w-44 shrink-0 tabular-nums">
        <Time value={event.at} />
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
  );
}

/**
 * The run's audit events, newest first: who confirmed which phrase, when and from which IP, then
 * every batch. Paged ("Show older"); while the run is live, only new events are fetched.
 */
export function RunTimeline({ runId, live }: { runId: string; live: boolean }) {
  const events = useInfiniteQuery({
    queryKey: pagesKey(runId),
    queryFn: ({ pageParam }) =>
      fetchEvents(runId, pageParam === null ? {} : { before: pageParam }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) =>
      last.hasOlder ? (last.events.at(-1)?.position ?? null) : null,
  });
  useNewEvents(runId, live, events.isSuccess);
  const started = events.data?.pages[0]?.started;
  const held = events.data?.pages.flatMap((page) => page.events) ?? [];
  return (
    <Card className="space-y-3 p-4">
      <h2 className="text-base font-semibold">Audit timeline</h2>
      {started ? (
        <p className="text-sm" data-testid="run-confirmation">
          Confirmed by <strong>{started.actor}</strong>, who typed “
          {String(started.details.confirmation)}” at <Time value={started.at} />{" "}
          from {started.ip ?? "an unknown address"}.
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
        {held.map((event) => (
          <EventRow key={event.position} event={event} />
        ))}
      </ol>
      {events.hasNextPage ? (
        <Button
          variant="outline"
          size="sm"
          disabled={events.isFetchingNextPage}
          onClick={() => void events.fetchNextPage()}
        >
          {events.isFetchingNextPage ? "Loading older events…" : "Show older"}
        </Button>
      ) : null}
    </Card>
  );
}

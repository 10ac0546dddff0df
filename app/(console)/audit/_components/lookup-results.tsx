"use client";

import { useVideoHistories } from "@/lib/audit/queries";
import { useProviders } from "@/lib/providers/queries";
import { MAX_LOOKUP_IDS, type LookupIds } from "./parse-lookup-ids";
import { VideoHistoryBlock } from "./video-history-block";

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;

/** One block per searched ID, in the order typed, filled in as the lookups come back. */
export function LookupResults({
  lookup,
  searchId,
}: {
  lookup: LookupIds;
  searchId: number;
}) {
  const results = useVideoHistories(lookup.ids, searchId);
  const providers = useProviders();
  const providerLabel = (id: string) =>
    providers.data?.find((provider) => provider.id === id)?.label ?? id;

  const done = results.filter((result) => !result.isPending).length;
  const touched = results.filter((result) => result.data?.runs.length).length;
  const failed = results.filter((result) => result.isError).length;
  const total = lookup.ids.length;
  // Announced twice (start and end), not once per ID: 200 updates would drown a screen reader.
  const summary =
    done < total
      ? `Looking up ${plural(total, "ID", "IDs")}…`
      : [
          `${plural(total, "ID", "IDs")} looked up: ${touched.toLocaleString("en-US")} touched by a run`,
          `${(total - touched - failed).toLocaleString("en-US")} never touched`,
          ...(failed
            ? [`${failed.toLocaleString("en-US")} could not be looked up`]
            : []),
        ].join(", ") + ".";

  return (
    <section aria-labelledby="lookup-results-heading" className="space-y-4">
      <div className="space-y-1">
        <h2 id="lookup-results-heading" className="text-base font-semibold">
          Results
        </h2>
        <p role="status" className="text-sm">
          {summary}
        </p>
        {done < total ? (
          <progress
            value={done}
            max={total}
            aria-label="Lookup progress"
            className="accent-primary h-1.5 w-full max-w-xs"
          />
        ) : null}
        {lookup.leftOutCount > 0 ? (
          <p className="border-warning/50 bg-warning/10 rounded-md border px-3 py-2 text-sm">
            Only the first {MAX_LOOKUP_IDS} distinct IDs were looked up;{" "}
            {plural(lookup.leftOutCount, "more was", "more were")} left out.
            Search them next.
          </p>
        ) : null}
        {lookup.duplicateCount > 0 ? (
          <p className="text-muted-foreground text-xs">
            {plural(lookup.duplicateCount, "duplicate", "duplicates")} ignored.
          </p>
        ) : null}
      </div>
      {lookup.ids.map((id, index) => (
        <VideoHistoryBlock
          key={id}
          videoId={id}
          result={results[index]!}
          providerLabel={providerLabel}
        />
      ))}
    </section>
  );
}

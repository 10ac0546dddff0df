"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { useId } from "react";
import { Time } from "@/components/time/time";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { isTransientLookupError } from "@/lib/audit/queries";
import type { VideoHistory, VideoHistoryEntry } from "@/lib/audit/schemas";
import { rowOutcomeLabels } from "@/lib/runs/outcome-labels";
import { InertText } from "./inert-text";
import { VideoHistoryTable } from "./video-history-table";

/** The one-line answer to "was it deleted, by whom, when?" above the details. */
function Verdict({ runs }: { runs: VideoHistoryEntry[] }) {
  // Runs come newest first; the first deletion is the one that matters (later runs find it gone).
  const deletion = runs.findLast((entry) => entry.outcome === "deleted");
  if (deletion)
    return (
      <p className="text-success text-sm font-medium">
        Deleted <Time value={deletion.updatedAt} /> by{" "}
        <InertText value={deletion.startedBy} className="font-sans" />
        {runs.length > 1 ? ` · touched by ${runs.length} runs` : null}
      </p>
    );
  const latest = rowOutcomeLabels[runs[0]!.outcome].label;
  return (
    <p className="text-sm font-medium">
      Not deleted by any run · touched by {runs.length}{" "}
      {runs.length === 1 ? "run" : "runs"}, latest outcome “{latest}”
    </p>
  );
}

/** One looked-up ID: loading, why it failed, "never touched", or every run that touched it. */
export function VideoHistoryBlock({
  videoId,
  result,
  providerLabel,
}: {
  videoId: string;
  result: UseQueryResult<VideoHistory, Error>;
  providerLabel: (id: string) => string;
}) {
  const headingId = useId();
  const runs = result.data?.runs;
  return (
    <Card className="overflow-hidden">
      <article aria-labelledby={headingId}>
        <header className="space-y-1 px-4 py-3">
          <h3 id={headingId} className="text-sm font-semibold">
            <span className="sr-only">Video </span>
            <InertText value={videoId} />
          </h3>
          {result.isPending ? (
            <p className="text-muted-foreground text-sm">Looking up…</p>
          ) : null}
          {result.isError ? (
            <div className="flex flex-wrap items-center gap-3">
              <p className="text-destructive text-sm">
                Could not look up this ID:{" "}
                <InertText
                  value={result.error.message}
                  className="font-sans break-normal wrap-anywhere"
                />
              </p>
              {/* Only worth offering when the server or network failed; a refusal repeats. */}
              {isTransientLookupError(result.error) ? (
                <Button
                  variant="outline"
                  size="sm"
                  aria-describedby={headingId}
                  disabled={result.isFetching}
                  onClick={() => void result.refetch()}
                >
                  Try again
                </Button>
              ) : null}
            </div>
          ) : null}
          {runs?.length === 0 ? (
            <p role="status" className="text-muted-foreground text-sm">
              Never touched by any run
            </p>
          ) : null}
          {runs?.length ? <Verdict runs={runs} /> : null}
        </header>
        {runs?.length ? (
          <div className="border-border border-t">
            <VideoHistoryTable
              runs={runs}
              label={`Runs that touched ${videoId}`}
              providerLabel={providerLabel}
            />
          </div>
        ) : null}
      </article>
    </Card>
  );
}

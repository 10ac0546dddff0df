"use client";

import { Clock, CircleStop } from "lucide-react";
import dynamic from "next/dynamic";
import { useState } from "react";
import { Time } from "@/components/time/time";
import { Button } from "@/components/ui/button";
import { useStopProcessingRetry } from "@/lib/runs/queries";
import type { Run } from "@/lib/runs/schemas";
import { toast } from "@/lib/toast";
import { processingRows as rows } from "./processing-rows";
import { formatDuration } from "../../../../../components/runs/format";
import { isRetryingProcessing } from "../../../../../components/runs/is-live-run";

// Loaded on the first click: most runs never need it, and the page stays smaller without it.
const RetryProcessingDialog = dynamic(() =>
  import("./retry-processing-dialog").then(
    (module) => module.RetryProcessingDialog,
  ),
);

/** "Retrying 12 processing rows every 5 min until 14:30", with a way to stop. */
function RetryingStatus({ run }: { run: Run }) {
  const stop = useStopProcessingRetry(run.id);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <p
        role="status"
        className="text-muted-foreground flex items-center gap-1 text-xs"
      >
        <Clock aria-hidden className="size-4" />
        Retrying {rows(run.counts.processing)}
        {run.processingRetryIntervalSeconds
          ? ` every ${formatDuration(run.processingRetryIntervalSeconds)}`
          : ""}{" "}
        until <Time value={run.processingRetryUntil!} format="compact" />
      </p>
      <Button
        variant="outline"
        size="sm"
        disabled={stop.isPending}
        onClick={() =>
          stop.mutate(undefined, {
            onSuccess: () =>
              toast.success("Processing rows are no longer retried."),
            onError: (error) =>
              toast.error(`Could not stop the retries: ${error.message}`),
          })
        }
      >
        <CircleStop aria-hidden className="size-4" />
        {stop.isPending ? "Stopping…" : "Stop retrying"}
      </Button>
    </div>
  );
}

/** Offers "retry these later" for rows the provider refused while the video was processing. */
export function RetryProcessingButton({ run }: { run: Run }) {
  const [open, setOpen] = useState(false);
  if (run.counts.processing === 0 || run.cancelRequestedAt !== null)
    return null;
  if (isRetryingProcessing(run)) return <RetryingStatus run={run} />;
  return (
    <>
      <Button variant="outline" size="sm" onClick={() => setOpen(true)}>
        <Clock aria-hidden className="size-4" />
        Retry processing rows later…
      </Button>
      {open ? (
        <RetryProcessingDialog run={run} onClose={() => setOpen(false)} />
      ) : null}
    </>
  );
}

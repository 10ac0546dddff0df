"use client";

import { Clock } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { useRetryProcessing } from "@/lib/runs/queries";
import type { Run } from "@/lib/runs/schemas";
import { isRetryingProcessing } from "../../../../../components/runs/is-live-run";

/** Offers "retry these later" for rows the provider refused while the video was processing. */
export function RetryProcessingButton({ run }: { run: Run }) {
  const retry = useRetryProcessing(run.id);
  if (run.counts.processing === 0 || run.status === "cancelled") return null;
  if (isRetryingProcessing(run)) {
    return (
      <p
        role="status"
        className="text-muted-foreground flex items-center gap-1 text-xs"
      >
        <Clock aria-hidden className="size-4" />
        Retrying {run.counts.processing} processing rows until{" "}
        {run.processingRetryUntil!.toLocaleString()}
      </p>
    );
  }
  return (
    <>
      <Button
        variant="outline"
        size="sm"
        disabled={retry.isPending}
        onClick={() =>
          retry.mutate(undefined, {
            onSuccess: () =>
              toast.success(
                "Processing rows will be tried again every few minutes.",
              ),
            onError: (error) =>
              toast.error(`Could not schedule the retry: ${error.message}`),
          })
        }
      >
        <Clock aria-hidden className="size-4" />
        {retry.isPending ? "Scheduling…" : "Retry processing rows later"}
      </Button>
      {retry.isError ? (
        <span role="alert" className="text-destructive text-xs">
          {retry.error.message}
        </span>
      ) : null}
    </>
  );
}

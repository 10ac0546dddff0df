"use client";

import { Clock, CircleStop } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Time } from "@/components/time/time";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Label, Select } from "@/components/ui/input";
import { useRetryProcessing, useStopProcessingRetry } from "@/lib/runs/queries";
import type { Run } from "@/lib/runs/schemas";
import {
  formatCount,
  formatDuration,
} from "../../../../../components/runs/format";
import { isRetryingProcessing } from "../../../../../components/runs/is-live-run";

// Choices rather than free numbers: each is within what the API accepts (lib/runs/schemas.ts).
const WINDOWS_HOURS = [1, 6, 24, 72, 168] as const;
const INTERVALS_MINUTES = [1, 5, 15, 60] as const;
const DEFAULT_HOURS = 24;
const DEFAULT_MINUTES = 5;

const rows = (count: number) =>
  `${formatCount(count)} processing ${count === 1 ? "row" : "rows"}`;

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
  const retry = useRetryProcessing(run.id);
  const [open, setOpen] = useState(false);
  const [hours, setHours] = useState<number>(DEFAULT_HOURS);
  const [minutes, setMinutes] = useState<number>(DEFAULT_MINUTES);
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
        <ConfirmDialog
          title="Retry processing rows later"
          confirmLabel="Schedule retries"
          pendingLabel="Scheduling…"
          pending={retry.isPending}
          error={retry.error?.message}
          onClose={() => {
            retry.reset();
            setOpen(false);
          }}
          onConfirm={() =>
            retry.mutate(
              { hours, intervalMinutes: minutes },
              {
                onSuccess: () => {
                  setOpen(false);
                  toast.success(
                    `${rows(run.counts.processing)} will be tried again every ${formatDuration(minutes * 60)}.`,
                  );
                },
              },
            )
          }
        >
          <p>
            The provider refused {rows(run.counts.processing)} because the video
            was still being generated. The console tries them again until they
            delete or the window closes; you can stop it at any time.
          </p>
          <div className="grid grid-cols-2 gap-3">
            <div className="space-y-1">
              <Label htmlFor="retry-interval" className="block text-xs">
                Try every
              </Label>
              <Select
                id="retry-interval"
                value={minutes}
                onChange={(event) => setMinutes(Number(event.target.value))}
              >
                {INTERVALS_MINUTES.map((value) => (
                  <option key={value} value={value}>
                    {formatDuration(value * 60)}
                  </option>
                ))}
              </Select>
            </div>
            <div className="space-y-1">
              <Label htmlFor="retry-window" className="block text-xs">
                For
              </Label>
              <Select
                id="retry-window"
                value={hours}
                onChange={(event) => setHours(Number(event.target.value))}
              >
                {WINDOWS_HOURS.map((value) => (
                  <option key={value} value={value}>
                    {value < 48 ? `${value} h` : `${value / 24} days`}
                  </option>
                ))}
              </Select>
            </div>
          </div>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

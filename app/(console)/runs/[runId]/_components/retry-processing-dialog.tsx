"use client";

import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Label, Select } from "@/components/ui/input";
import { useRetryProcessing } from "@/lib/runs/queries";
import type { Run } from "@/lib/runs/schemas";
import { toast } from "@/lib/toast";
import { processingRows as rows } from "./processing-rows";
import { formatDuration } from "../../../../../components/runs/format";

// Choices rather than free numbers: each is within what the API accepts (lib/runs/schemas.ts).
const WINDOWS_HOURS = [1, 6, 24, 72, 168] as const;
const INTERVALS_MINUTES = [1, 5, 15, 60] as const;
const DEFAULT_HOURS = 24;
const DEFAULT_MINUTES = 5;

/** "Retry processing rows later": how often and for how long, then schedule. */
export function RetryProcessingDialog({
  run,
  onClose,
}: {
  run: Run;
  onClose: () => void;
}) {
  const retry = useRetryProcessing(run.id);
  const [hours, setHours] = useState<number>(DEFAULT_HOURS);
  const [minutes, setMinutes] = useState<number>(DEFAULT_MINUTES);
  return (
    <ConfirmDialog
      title="Retry processing rows later"
      confirmLabel="Schedule retries"
      pendingLabel="Scheduling…"
      pending={retry.isPending}
      error={retry.error?.message}
      onClose={() => {
        retry.reset();
        onClose();
      }}
      onConfirm={() =>
        retry.mutate(
          { hours, intervalMinutes: minutes },
          {
            onSuccess: () => {
              onClose();
              toast.success(
                `${rows(run.counts.processing)} will be tried again every ${formatDuration(minutes * 60)}.`,
              );
            },
          },
        )
      }
    >
      <p>
        The provider refused {rows(run.counts.processing)} because the video was
        still being generated. The console tries them again until they delete or
        the window closes; you can stop it at any time.
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
  );
}

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { formatCount } from "./format";
import type { PreviewProgress as Progress } from "./use-streaming-preview";

/** "about 3 min left" from the pace so far; nothing until there is a pace to go by. */
export function etaText(progress: Progress, now: number): string | null {
  const { checked, toCheck, startedAt } = progress;
  const elapsed = now - startedAt;
  if (checked === 0 || checked >= toCheck || elapsed < 1_000) return null;
  const seconds = Math.ceil(((toCheck - checked) * elapsed) / checked / 1_000);
  if (seconds < 60) return `about ${seconds} s left`;
  if (seconds < 3_600) return `about ${Math.round(seconds / 60)} min left`;
  const hours = Math.floor(seconds / 3_600);
  return `about ${hours} h ${Math.round((seconds % 3_600) / 60)} min left`;
}

/** Look-ups done, the time left and a Cancel that stops the server's look-ups. */
export function PreviewProgress({
  progress,
  providerLabel,
  onCancel,
}: {
  progress: Progress | null;
  providerLabel: string;
  onCancel: () => void;
}) {
  // A clock for the ETA between batches of a slow provider (one answer a second or less).
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const checked = progress?.checked ?? 0;
  const toCheck = progress?.toCheck ?? 0;
  const eta = progress ? etaText(progress, now) : null;
  return (
    <div className="bg-muted/50 space-y-2 rounded-md border p-3">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <p role="status" className="min-w-0 flex-1">
          {progress
            ? `Checked ${formatCount(checked)} of ${formatCount(toCheck)} IDs with ${providerLabel}`
            : `Starting the preview with ${providerLabel}`}
          {eta ? ` · ${eta}` : "…"}
        </p>
        <Button size="sm" variant="outline" onClick={onCancel}>
          Cancel preview
        </Button>
      </div>
      <div
        role="progressbar"
        aria-label="Preview progress"
        aria-valuemin={0}
        aria-valuemax={toCheck}
        aria-valuenow={checked}
        className="bg-muted h-2 overflow-hidden rounded-full"
      >
        <div
          className="bg-primary h-full transition-[width]"
          style={{ width: `${toCheck ? (checked / toCheck) * 100 : 0}%` }}
        />
      </div>
    </div>
  );
}

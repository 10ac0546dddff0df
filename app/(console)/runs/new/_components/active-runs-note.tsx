import { cn } from "@/lib/utils";

export interface ActiveRuns {
  active: number;
  max: number;
}

/** The per-user cap on runs in progress, shown before the operator previews and types a phrase. */
export function ActiveRunsNote({ activeRuns }: { activeRuns: ActiveRuns }) {
  const { active, max } = activeRuns;
  const full = active >= max;
  return (
    <p
      className={cn(
        "text-sm",
        full ? "text-destructive font-medium" : "text-muted-foreground",
      )}
      title="Runs queued, running or paused that you started; at most this many at once."
    >
      {active} of {max} active runs in use
      {full ? ": wait for one to finish before starting another." : ""}
    </p>
  );
}

import { rowOutcomeLabels, type Tone } from "@/lib/runs/outcome-labels";
import type { OutcomeCounts, RowOutcome } from "@/lib/runs/schemas";
import { cn } from "@/lib/utils";
import { formatCount } from "./format";

/** Final outcomes in the order they are drawn; `pending` is the empty track behind them. */
const drawn: readonly RowOutcome[] = [
  "deleted",
  "not_found",
  "skipped",
  "processing",
  "forbidden",
  "failed",
];

const toneFill: Record<Tone, string> = {
  success: "bg-success",
  neutral: "bg-muted-foreground/45",
  warning: "bg-warning",
  danger: "bg-destructive",
  info: "bg-primary/40",
};

// Forbidden and failed share the danger tone, not found and skipped the neutral one; a lighter
// fill keeps them apart in the bar.
const fill = (outcome: RowOutcome) =>
  outcome === "forbidden"
    ? "bg-destructive/55"
    : outcome === "skipped"
      ? "bg-muted-foreground/25"
      : toneFill[rowOutcomeLabels[outcome].tone];

/** "Deleted 10, Doesn't exist 2, Pending 5" (outcomes with a count only). */
export function describeCounts(counts: OutcomeCounts): string {
  const parts = [...drawn, "pending" as const]
    .filter((outcome) => counts[outcome] > 0)
    .map(
      (outcome) =>
        `${rowOutcomeLabels[outcome].label} ${formatCount(counts[outcome])}`,
    );
  return parts.length ? parts.join(", ") : "No rows";
}

/** A stacked bar of outcome counts. Purely visual; pair it with text or an ARIA role. */
export function OutcomeBar({
  counts,
  total,
  className,
}: {
  counts: OutcomeCounts;
  total: number;
  className?: string;
}) {
  return (
    <div
      aria-hidden
      className={cn(
        "bg-muted flex h-2 overflow-hidden rounded-full",
        className,
      )}
    >
      {total > 0
        ? drawn.map((outcome) =>
            counts[outcome] > 0 ? (
              <div
                key={outcome}
                className={cn("h-full transition-[width]", fill(outcome))}
                style={{ width: `${(counts[outcome] / total) * 100}%` }}
              />
            ) : null,
          )
        : null}
    </div>
  );
}

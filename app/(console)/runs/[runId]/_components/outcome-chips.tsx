import { rowOutcomeLabels, type Tone } from "@/lib/runs/outcome-labels";
import type { OutcomeCounts, RowOutcome } from "@/lib/runs/schemas";
import { rowOutcomeReadingOrder } from "@/lib/runs/vocabulary";
import { cn } from "@/lib/utils";
import { formatCount } from "../../../../../components/runs/format";

const toneDot: Record<Tone, string> = {
  success: "bg-success",
  neutral: "bg-muted-foreground/60",
  warning: "bg-warning",
  danger: "bg-destructive",
  info: "bg-primary/50",
};

function Chip({
  label,
  count,
  active,
  dot,
  title,
  onClick,
}: {
  label: string;
  count: number;
  active: boolean;
  dot?: string;
  title?: string;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      aria-pressed={active}
      title={title}
      onClick={onClick}
      className={cn(
        "focus-visible:ring-ring inline-flex h-8 items-center gap-2 rounded-full border px-3 text-sm transition-colors focus-visible:ring-2 focus-visible:outline-none",
        active
          ? "border-primary bg-primary text-primary-foreground"
          : "border-border bg-card hover:bg-muted",
      )}
    >
      {dot ? (
        <span aria-hidden className={cn("size-2 rounded-full", dot)} />
      ) : null}
      {/* The space keeps the accessible name "Deleted 12", not "Deleted12". */}
      {label}{" "}
      <span
        className={cn(
          "tabular-nums",
          active ? "text-primary-foreground/80" : "text-muted-foreground",
        )}
      >
        {formatCount(count)}
      </span>
    </button>
  );
}

/** Live counts per outcome that double as the table's outcome filter. */
export function OutcomeChips({
  counts,
  total,
  selected,
  onSelect,
}: {
  counts: OutcomeCounts;
  total: number;
  selected: RowOutcome | undefined;
  onSelect: (outcome: RowOutcome | undefined) => void;
}) {
  return (
    <div
      role="group"
      aria-label="Filter by outcome"
      className="flex flex-wrap gap-2"
    >
      <Chip
        label="All"
        count={total}
        active={!selected}
        onClick={() => onSelect(undefined)}
      />
      {rowOutcomeReadingOrder.map((outcome) => {
        const info = rowOutcomeLabels[outcome];
        return (
          <Chip
            key={outcome}
            label={info.label}
            count={counts[outcome]}
            active={selected === outcome}
            dot={toneDot[info.tone]}
            title={info.description}
            onClick={() => onSelect(outcome)}
          />
        );
      })}
    </div>
  );
}

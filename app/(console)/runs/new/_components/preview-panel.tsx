import dynamic from "next/dynamic";
import { useMemo, useState } from "react";
import { expectationLabels } from "@/lib/runs/outcome-labels";
import type { Expectation, PreviewResponse } from "@/lib/runs/schemas";
import { expectations } from "@/lib/runs/vocabulary";
import { cn } from "@/lib/utils";
import { formatCount } from "./format";

// Loaded with the first preview: the virtualised table is not needed before.
const PreviewTable = dynamic(() =>
  import("./preview-table").then((module) => module.PreviewTable),
);

const toneRing = {
  neutral: "border-border",
  info: "border-primary/30",
  success: "border-success/40",
  warning: "border-warning/50",
  danger: "border-destructive/40",
} as const;

/** Counts per expectation (each one filters the table) and the per-ID rows. */
export function PreviewResults({
  preview,
  stale,
}: {
  preview: PreviewResponse;
  stale: boolean;
}) {
  const [filter, setFilter] = useState<Expectation | null>(null);
  const items = useMemo(
    () =>
      filter
        ? preview.items.filter((item) => item.expectation === filter)
        : preview.items,
    [preview.items, filter],
  );
  return (
    <div className={cn("space-y-3", stale && "opacity-60")}>
      {stale ? (
        <p role="status" className="text-sm font-medium">
          The list or provider changed since this preview. Preview again before
          deleting.
        </p>
      ) : null}
      <ul
        aria-label="Expected outcomes"
        className="grid grid-cols-2 gap-2 sm:grid-cols-3 xl:grid-cols-6"
      >
        {expectations.map((expectation) => {
          const info = expectationLabels[expectation];
          const count = preview.counts[expectation] ?? 0;
          const active = filter === expectation;
          return (
            <li key={expectation}>
              <button
                type="button"
                aria-pressed={active}
                title={info.description}
                disabled={count === 0 && !active}
                onClick={() => setFilter(active ? null : expectation)}
                className={cn(
                  "bg-card hover:bg-muted w-full rounded-md border px-3 py-2 text-left transition-colors disabled:opacity-50",
                  toneRing[info.tone],
                  active && "ring-ring ring-2",
                )}
              >
                <span className="text-muted-foreground block text-xs">
                  {info.label}
                </span>
                <span className="block text-lg font-semibold tabular-nums">
                  {formatCount(count)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <p className="text-muted-foreground text-xs">
        Nothing has been deleted. {formatCount(preview.validCount)} distinct
        valid IDs
        {filter
          ? ` · showing ${expectationLabels[filter].label.toLowerCase()} only`
          : ""}
        .
      </p>
      <PreviewTable
        provider={preview.provider}
        items={items}
        idHeader={preview.idKind === "reference" ? "Reference ID" : "Video ID"}
      />
    </div>
  );
}

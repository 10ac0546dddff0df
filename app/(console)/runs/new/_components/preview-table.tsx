import { useVirtualizer } from "@tanstack/react-virtual";
import { useRef } from "react";
import { Badge } from "@/components/ui/badge";
import {
  hasStatusWord,
  providerStatusWord,
} from "@/lib/providers/status-words";
import { expectationLabels } from "@/lib/runs/outcome-labels";
import type { PreviewItem } from "@/lib/runs/schemas";

const ROW_HEIGHT = 36;
const GRID =
  "grid grid-cols-[4rem_minmax(18rem,auto)_9rem_minmax(8rem,1fr)] gap-3 px-3";

/**
 * A row's detail as the page says it: a looked-up video's provider status in words with its code
 * in the tooltip; for a malformed or unchecked ID it is the reason, said as it is.
 */
function detailOf(provider: string, item: PreviewItem) {
  const { detail } = item;
  if (
    !detail ||
    item.expectation === "unknown" ||
    item.expectation === "malformed" ||
    !hasStatusWord(provider, detail)
  )
    return { text: detail ?? "", title: detail };
  return {
    text: providerStatusWord(provider, detail),
    title: `Provider status code: ${detail}`,
  };
}

/** Tens of thousands of rows: only the visible ones are in the DOM. */
export function PreviewTable({
  provider,
  items,
  idHeader = "Video ID",
}: {
  /** Whose look-ups: its status codes are shown in words. */
  provider: string;
  items: PreviewItem[];
  idHeader?: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The compiler cannot memoize the virtualizer; it is read in this component's render only.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  return (
    <div
      role="table"
      aria-label="Per-ID results"
      aria-rowcount={items.length + 1}
      className="border-border rounded-md border text-sm"
    >
      <div role="rowgroup" className="bg-muted text-muted-foreground text-xs">
        <div
          role="row"
          aria-rowindex={1}
          className={`${GRID} py-2 font-medium`}
        >
          <span role="columnheader">#</span>
          <span role="columnheader">{idHeader}</span>
          <span role="columnheader">Expected</span>
          <span role="columnheader">Detail</span>
        </div>
      </div>
      <div
        ref={scrollRef}
        role="rowgroup"
        className="max-h-[28rem] overflow-auto"
      >
        {items.length === 0 ? (
          <div
            role="row"
            className="text-muted-foreground px-3 py-6 text-center"
          >
            <span role="cell">No rows in this category.</span>
          </div>
        ) : (
          <div
            className="relative"
            style={{ height: virtualizer.getTotalSize() }}
          >
            {virtualizer.getVirtualItems().map((virtualRow) => {
              const item = items[virtualRow.index]!;
              const label = expectationLabels[item.expectation];
              const detail = detailOf(provider, item);
              return (
                <div
                  key={virtualRow.key}
                  role="row"
                  aria-rowindex={virtualRow.index + 2}
                  className={`${GRID} border-border absolute inset-x-0 items-center border-t`}
                  style={{
                    height: ROW_HEIGHT,
                    transform: `translateY(${virtualRow.start}px)`,
                  }}
                >
                  <span
                    role="cell"
                    className="text-muted-foreground text-xs tabular-nums"
                  >
                    {virtualRow.index + 1}
                  </span>
                  <code role="cell" className="truncate font-mono text-xs">
                    {item.id}
                  </code>
                  <span role="cell">
                    <Badge tone={label.tone}>{label.label}</Badge>
                  </span>
                  <span
                    role="cell"
                    className="text-muted-foreground truncate text-xs"
                    title={detail.title}
                  >
                    {detail.text}
                  </span>
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

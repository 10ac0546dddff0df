import { Badge } from "@/components/ui/badge";
import { expectationLabels } from "@/lib/runs/outcome-labels";
import type {
  ExcludableExpectation,
  PreviewResponse,
} from "@/lib/runs/schemas";
import { expectations } from "@/lib/runs/vocabulary";
import { formatCount } from "./format";

const FIRST_ROWS = 5;

/** What the operator is about to confirm: counts per expectation and the first rows. */
export function ConfirmSummary({
  preview,
  exclude,
}: {
  preview: PreviewResponse;
  /** Shown as "(skipped)": the run records them, the provider never sees them. */
  exclude: readonly ExcludableExpectation[];
}) {
  return (
    <>
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
        {expectations
          .filter((e) => (preview.counts[e] ?? 0) > 0)
          .map((e) => (
            <div key={e} className="contents">
              <dt className="text-muted-foreground">
                {expectationLabels[e].label}
                {(exclude as readonly string[]).includes(e) ? " (skipped)" : ""}
              </dt>
              <dd className="text-right tabular-nums">
                {formatCount(preview.counts[e] ?? 0)}
              </dd>
            </div>
          ))}
      </dl>
      <ul
        aria-label="First rows"
        className="bg-muted space-y-1 rounded-md p-3 text-xs"
      >
        {preview.items.slice(0, FIRST_ROWS).map((item) => (
          <li key={item.id} className="flex items-center justify-between gap-2">
            <code className="truncate font-mono">{item.id}</code>
            <Badge tone={expectationLabels[item.expectation].tone}>
              {expectationLabels[item.expectation].label}
            </Badge>
          </li>
        ))}
        {preview.items.length > FIRST_ROWS ? (
          <li className="text-muted-foreground">
            …and {formatCount(preview.items.length - FIRST_ROWS)} more
          </li>
        ) : null}
      </ul>
    </>
  );
}

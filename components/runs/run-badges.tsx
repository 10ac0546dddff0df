import { Badge } from "@/components/ui/badge";
import {
  rowOutcomeLabels,
  rowOutcomeText,
  runStatusLabels,
} from "@/lib/runs/outcome-labels";
import type { RowOutcome, RunStatus } from "@/lib/runs/schemas";

/** A row's outcome; with its code, a skipped row also says why ("Skipped — cancelled"). */
export function OutcomeBadge({
  outcome,
  code = null,
}: {
  outcome: RowOutcome;
  code?: string | null;
}) {
  const info = rowOutcomeLabels[outcome];
  const text = rowOutcomeText(outcome, code);
  return (
    <Badge tone={info.tone} title={text.description}>
      {text.label}
    </Badge>
  );
}

export function RunStatusBadge({ status }: { status: RunStatus }) {
  const info = runStatusLabels[status];
  return (
    <Badge tone={info.tone} title={info.description}>
      {info.label}
    </Badge>
  );
}

import { Badge } from "@/components/ui/badge";
import { rowOutcomeLabels, runStatusLabels } from "@/lib/runs/outcome-labels";
import type { RowOutcome, RunStatus } from "@/lib/runs/schemas";

export function OutcomeBadge({ outcome }: { outcome: RowOutcome }) {
  const info = rowOutcomeLabels[outcome];
  return (
    <Badge tone={info.tone} title={info.description}>
      {info.label}
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

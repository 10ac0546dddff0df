import type { PreviewResponse } from "@/lib/runs/schemas";
import { formatCount } from "./format";

/**
 * Says plainly when not every ID was looked up, and why: the lookup limit, or a cancel. Those IDs
 * are still in the run; they are attempted without a preview.
 */
export function PreviewCoverage({
  preview,
  cancelled,
}: {
  preview: PreviewResponse;
  cancelled: boolean;
}) {
  const { checkedCount, validCount, lookupLimit } = preview;
  if (checkedCount >= validCount) return null;
  const rest = validCount - checkedCount;
  const reason = cancelled
    ? `Preview cancelled: checked ${formatCount(checkedCount)} of ${formatCount(validCount)} IDs`
    : `Checked the first ${formatCount(checkedCount)} of ${formatCount(validCount)} IDs: preview looks up at most ${formatCount(lookupLimit)}`;
  return (
    <p
      role="note"
      className="border-warning/50 bg-warning/10 rounded-md border px-3 py-2 text-sm"
    >
      {reason}; the other {formatCount(rest)} {rest === 1 ? "ID" : "IDs"} will
      be attempted without a preview.
    </p>
  );
}

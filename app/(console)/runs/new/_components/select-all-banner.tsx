import { Button } from "@/components/ui/button";
import { formatCount } from "./format";
import type { CollectState } from "./use-collect-matching";

interface SelectAllBannerProps {
  pageCount: number;
  total: number | undefined;
  collector: CollectState;
  /** Every matching video is already selected: nothing left to offer. */
  allSelected: boolean;
  onSelectAll: () => void;
  onStop: () => void;
}

/** Shown once the whole page is selected: offers every matching video, across all pages. */
export function SelectAllBanner(props: SelectAllBannerProps) {
  const { collector, total } = props;
  const of = total !== undefined ? ` of ${formatCount(total)}` : "";
  return (
    <div className="bg-accent flex flex-wrap items-center gap-2 rounded-md px-3 py-2 text-xs">
      {collector.running ? (
        <>
          <span role="status">
            Collecting IDs… {formatCount(collector.collected)}
            {of}
          </span>
          <Button size="sm" variant="outline" onClick={props.onStop}>
            Stop
          </Button>
        </>
      ) : props.allSelected ? (
        <span role="status">
          All {formatCount(collector.collected)} matching videos are selected.
        </span>
      ) : (
        <>
          <span>
            All {formatCount(props.pageCount)} videos on this page are selected.
          </span>
          <Button size="sm" variant="outline" onClick={props.onSelectAll}>
            {total !== undefined
              ? `Select all ${formatCount(total)} matching`
              : "Select all matching"}
          </Button>
        </>
      )}
    </div>
  );
}

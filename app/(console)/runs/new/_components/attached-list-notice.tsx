import { Button } from "@/components/ui/button";
import type { AttachedList } from "./use-id-list";

/** Says that a large list is held beside the box (not shown in it) and lets it be removed. */
export function AttachedListNotice({
  list,
  onRemove,
}: {
  list: AttachedList;
  onRemove: () => void;
}) {
  const megabytes = (list.text.length / 1_000_000).toFixed(1);
  return (
    <div
      role="note"
      className="bg-accent flex flex-wrap items-center justify-between gap-2 rounded-md px-3 py-2 text-xs"
    >
      <p>
        A large list ({megabytes} MB, {list.source}) is kept outside the box so
        the page stays fast. Anything typed in the box is added to it.
      </p>
      <Button size="sm" variant="outline" onClick={onRemove}>
        Remove large list
      </Button>
    </div>
  );
}

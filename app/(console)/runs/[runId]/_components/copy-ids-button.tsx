import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Copy } from "lucide-react";
import { Button } from "@/components/ui/button";
import { runExportQueryOptions } from "@/lib/runs/queries";
import type { RunRowFilter } from "@/lib/runs/schemas";
import { formatCount } from "../../../../../components/runs/format";

/**
 * Copies every ID the table's filters match (outcome and video-ID text), not just the page on
 * screen: the export endpoint returns them all. While the run can still change the list is fetched fresh on each click.
 */
export function CopyIdsButton({
  runId,
  filter,
  live,
  disabled,
}: {
  runId: string;
  filter: RunRowFilter;
  live: boolean;
  disabled?: boolean;
}) {
  const queryClient = useQueryClient();
  const copy = useMutation({
    mutationFn: async () => {
      const rows = await queryClient.fetchQuery({
        ...runExportQueryOptions(runId, filter),
        ...(live ? { staleTime: 0 } : {}),
      });
      // Browsers only offer the clipboard API on HTTPS (and localhost).
      if (!navigator.clipboard)
        throw new Error("this browser blocks the clipboard on plain HTTP.");
      await navigator.clipboard.writeText(
        rows.map((row) => row.videoId).join("\n"),
      );
      return rows.length;
    },
  });
  return (
    <>
      <Button
        variant="outline"
        size="sm"
        disabled={disabled || copy.isPending}
        onClick={() => copy.mutate()}
      >
        <Copy aria-hidden className="size-4" />
        {copy.isPending ? "Copying…" : "Copy IDs"}
      </Button>
      <span aria-live="polite" className="text-sm">
        {copy.isSuccess ? (
          <span className="text-success">
            Copied {formatCount(copy.data)} {copy.data === 1 ? "ID" : "IDs"}
          </span>
        ) : null}
      </span>
      {copy.isError ? (
        <span role="alert" className="text-destructive text-sm">
          Could not copy: {copy.error.message}
        </span>
      ) : null}
    </>
  );
}

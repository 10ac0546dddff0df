import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import type { ProviderSummary } from "@/lib/providers/schemas";
import { useStartRun } from "@/lib/runs/queries";
import {
  confirmationMatches,
  confirmationPhrase,
  type ExcludableExpectation,
  type PreviewResponse,
} from "@/lib/runs/schemas";
import { ConfirmSummary } from "./confirm-summary";
import { excludedCount } from "./exclusion-picker";
import { formatCount, randomUuid } from "./format";

interface ConfirmDialogProps {
  provider: ProviderSummary;
  preview: PreviewResponse;
  /** The distinct valid IDs that were previewed; exactly these are sent. */
  ids: string[];
  /** What the preview found that the operator chose to skip; the phrase counts the rest. */
  exclude?: readonly ExcludableExpectation[];
  onClose: () => void;
}

const NO_EXCLUSIONS: readonly ExcludableExpectation[] = [];

/** Typed confirmation for a permanent delete (docs/style.md "From D"). Mount it only while open. */
export function ConfirmDialog({
  provider,
  preview,
  ids,
  exclude = NO_EXCLUSIONS,
  onClose,
}: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  // One key per opening: a double click or a retried request never starts two runs.
  const [idempotencyKey] = useState(randomUuid);
  const [typed, setTyped] = useState("");
  const start = useStartRun({
    onSuccess: ({ id }) => router.push(`/runs/${id}`),
  });
  const chosen = exclude.filter((e) => (preview.counts[e] ?? 0) > 0);
  const skipped = excludedCount(preview, chosen);
  const count = preview.validCount - skipped;
  const phrase = confirmationPhrase(count);
  const matches = confirmationMatches(typed, count);
  // After success the page is navigating away; keep the dialog busy until it does.
  const busy = start.isPending || start.isSuccess;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    dialog?.querySelector<HTMLInputElement>("#confirm-phrase")?.focus();
    return () => dialog?.close();
  }, []);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!matches || busy) return;
    start.mutate(
      {
        body: {
          provider: provider.id,
          idKind: preview.idKind,
          ids,
          confirmation: typed.trim(),
          // The server skips only what this preview's signed evidence names.
          ...(chosen.length > 0
            ? {
                exclude: { expectations: chosen, evidence: preview.evidence },
              }
            : {}),
        },
        idempotencyKey,
      },
      {
        onSuccess: () =>
          toast.success(
            `Run started: deleting ${formatCount(count)} ${count === 1 ? "video" : "videos"} on ${provider.label}.`,
          ),
        onError: (error) =>
          toast.error(`Could not start the run: ${error.message}`),
      },
    );
  }

  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="confirm-title"
      aria-describedby="confirm-warning"
      aria-modal="true"
      // Escape fires `cancel`; while the request is in flight it must not look cancelled.
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
      onClose={onClose}
      className="bg-card text-foreground border-border m-auto w-full max-w-lg rounded-lg border p-0 shadow-xl backdrop:bg-black/50"
    >
      <form onSubmit={submit} className="space-y-4 p-6">
        <h2 id="confirm-title" className="text-lg font-semibold">
          Confirm permanent deletion
        </h2>
        <p className="text-sm">
          Delete <strong>{formatCount(count)}</strong>{" "}
          {count === 1 ? "video" : "videos"} on{" "}
          <strong>{provider.label}</strong>
          {preview.idKind === "reference" ? " by their reference IDs" : ""}.
          {skipped > 0 ? (
            <>
              {" "}
              {formatCount(skipped)} more {skipped === 1 ? "is" : "are"}{" "}
              skipped: recorded on the run, never sent.
            </>
          ) : null}
        </p>
        <ConfirmSummary preview={preview} exclude={chosen} />
        <p
          id="confirm-warning"
          className="bg-destructive/10 text-destructive rounded-md px-3 py-2 text-sm font-medium"
        >
          Deletion is permanent and cannot be undone. Deleted videos cannot be
          recovered.
        </p>
        <div className="space-y-1.5">
          <Label htmlFor="confirm-phrase" className="block">
            Type the phrase to confirm
          </Label>
          <p id="confirm-phrase-hint" className="text-muted-foreground text-xs">
            Type{" "}
            <code className="text-foreground bg-muted rounded px-1 font-mono">
              {phrase}
            </code>{" "}
            exactly as shown.
          </p>
          <Input
            id="confirm-phrase"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            aria-describedby="confirm-phrase-hint"
            autoComplete="off"
            spellCheck={false}
            disabled={busy}
          />
        </div>
        {start.isError ? (
          <p role="alert" className="text-destructive text-sm">
            Could not start the run: {start.error.message}
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button variant="outline" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant="destructive"
            disabled={!matches || busy}
          >
            {busy ? "Starting…" : "Delete permanently"}
          </Button>
        </div>
      </form>
    </dialog>
  );
}

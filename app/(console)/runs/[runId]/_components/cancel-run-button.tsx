import { Ban } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useCancelRun } from "@/lib/runs/queries";
import { toast } from "@/lib/toast";

/** Cancelling is irreversible, so it takes a second, explicit click (docs/style.md "From T"). */
export function CancelRunButton({ runId }: { runId: string }) {
  const [confirming, setConfirming] = useState(false);
  const cancel = useCancelRun({ onSuccess: () => setConfirming(false) });

  if (!confirming) {
    return (
      <Button
        variant="outline"
        className="text-destructive"
        onClick={() => setConfirming(true)}
      >
        <Ban aria-hidden className="size-4" />
        Cancel run
      </Button>
    );
  }
  return (
    <div
      role="group"
      aria-label="Confirm cancelling this run"
      className="border-destructive/40 bg-destructive/5 w-full max-w-md space-y-3 rounded-md border p-3"
    >
      <p className="text-sm">
        Stop this run? No further deletes are sent. Rows not sent yet end{" "}
        <strong>Skipped</strong> (code{" "}
        <code className="font-mono">cancelled</code>); a batch already sent is
        still recorded, and videos already deleted stay deleted.
      </p>
      <div className="flex justify-end gap-2">
        <Button
          variant="ghost"
          size="sm"
          autoFocus
          disabled={cancel.isPending}
          onClick={() => {
            cancel.reset();
            setConfirming(false);
          }}
        >
          Keep running
        </Button>
        <Button
          variant="destructive"
          size="sm"
          disabled={cancel.isPending}
          onClick={() => {
            // A second click while the first request is out would only repeat it (the API
            // answers a repeated cancel with the run, unchanged): one request is enough.
            if (cancel.isPending) return;
            cancel.mutate(runId, {
              onSuccess: (run) =>
                toast.success(
                  run.status === "cancelling"
                    ? "Cancelling: no further deletes are sent; the batch in flight is being recorded."
                    : "Run cancelled: no further deletes are sent.",
                ),
              onError: (error) =>
                toast.error(`Could not cancel the run: ${error.message}`),
            });
          }}
        >
          {cancel.isPending ? "Cancelling…" : "Yes, cancel run"}
        </Button>
      </div>
      {cancel.isError ? (
        <p role="alert" className="text-destructive text-sm">
          Could not cancel the run: {cancel.error.message}
        </p>
      ) : null}
    </div>
  );
}

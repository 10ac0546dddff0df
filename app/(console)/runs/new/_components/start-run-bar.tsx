import { Button } from "@/components/ui/button";
import { ActiveRunsNote, type ActiveRuns } from "./active-runs-note";

/** The last line of the form: why deleting is not offered yet, or the button that asks to confirm. */
export function StartRunBar({
  canStart,
  activeRuns,
  atCap,
  canConfirm,
  nothingToDelete,
  buttonId,
  onDelete,
}: {
  canStart: boolean;
  activeRuns: ActiveRuns;
  atCap: boolean;
  canConfirm: boolean;
  /** The current preview skips every ID. */
  nothingToDelete: boolean;
  /** Focus goes back to the button when the confirmation closes (WCAG 2.4.3). */
  buttonId: string;
  onDelete: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center justify-end gap-3">
      {canStart ? (
        <>
          <ActiveRunsNote activeRuns={activeRuns} />
          <p className="text-muted-foreground text-sm">
            {atCap
              ? "Wait for a run to finish."
              : canConfirm
                ? "You will be asked to type a confirmation."
                : nothingToDelete
                  ? "Every ID is skipped: nothing to delete."
                  : "Preview the list first."}
          </p>
          <Button
            id={buttonId}
            variant="destructive"
            disabled={!canConfirm}
            onClick={onDelete}
          >
            Delete videos…
          </Button>
        </>
      ) : (
        <p className="bg-muted rounded-md px-3 py-2 text-sm">
          You are signed in as a viewer: you can check a list of IDs, but you
          cannot preview or start deletions. Ask an admin for the operator role.
        </p>
      )}
    </div>
  );
}

import { Play } from "lucide-react";
import { Button } from "@/components/ui/button";
import { useResumeRun } from "@/lib/runs/queries";
import { toast } from "@/lib/toast";

/** For a paused run: go on now, e.g. once the provider's credentials are fixed. */
export function ResumeRunButton({ runId }: { runId: string }) {
  const resume = useResumeRun(runId);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button
        variant="outline"
        size="sm"
        disabled={resume.isPending}
        onClick={() =>
          resume.mutate(undefined, {
            onSuccess: () => toast.success("Run resumed."),
            onError: (error) =>
              toast.error(`Could not resume the run: ${error.message}`),
          })
        }
      >
        <Play aria-hidden className="size-4" />
        {resume.isPending ? "Resuming…" : "Resume now"}
      </Button>
      {resume.isError ? (
        <span role="alert" className="text-destructive">
          Could not resume: {resume.error.message}
        </span>
      ) : null}
    </span>
  );
}

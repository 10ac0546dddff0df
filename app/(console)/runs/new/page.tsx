import type { Metadata } from "next";
import { z } from "zod";
import { PageHeader } from "@/components/ui/card";
import { requireOperator } from "@/lib/auth/next-auth";
import { canStartRun } from "@/lib/auth/roles";
import { providerIdSchema } from "@/lib/providers/schemas";
import { activeRunsOf } from "@/lib/runs/create-run";
import { rowOutcomeSchema } from "@/lib/runs/schemas";
import { NewRunForm } from "./_components/new-run-form";

export const metadata: Metadata = { title: "New deletion" };

// `/runs/new?provider=vod&fromRun=<id>&outcome=failed` (the run page's "new run from these
// rows"). A malformed value is dropped rather than failing the page.
const searchParamsSchema = z.object({
  provider: providerIdSchema.optional().catch(undefined),
  fromRun: z.uuid().optional().catch(undefined),
  outcome: rowOutcomeSchema.optional().catch(undefined),
  /** The run table's video-ID filter: only rows whose ID contains it. */
  q: z.string().max(200).optional().catch(undefined),
});

export default async function NewRunPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const operator = await requireOperator();
  const params = searchParamsSchema.parse(await searchParams);
  // Known before preview and the typed phrase, not discovered after them (a 429).
  const activeRuns = await activeRunsOf(operator.id);
  return (
    <>
      <PageHeader
        title="New deletion"
        description="Paste or select video IDs, preview what will happen, then confirm a permanent deletion."
      />
      <NewRunForm
        canStart={canStartRun(operator.role)}
        initialProvider={params.provider}
        fromRun={params.fromRun}
        fromOutcome={params.outcome}
        fromQuery={params.q}
        activeRuns={activeRuns}
      />
    </>
  );
}

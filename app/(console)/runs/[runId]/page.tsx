import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireOperator } from "@/lib/auth/next-auth";
import { canStartRun } from "@/lib/auth/roles";
import { runIdParamsSchema } from "@/lib/runs/schemas";
import { parseItemsSearchParams } from "./_components/items-search-params";
import { RunView } from "./_components/run-view";

export const metadata: Metadata = { title: "Run" };

export default async function RunPage({
  params,
  searchParams,
}: {
  params: Promise<{ runId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Viewers may look at every run; only the controls that act are role-gated.
  const operator = await requireOperator();
  const parsed = runIdParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  return (
    <RunView
      runId={parsed.data.runId}
      query={parseItemsSearchParams(await searchParams)}
      canAct={canStartRun(operator.role)}
    />
  );
}

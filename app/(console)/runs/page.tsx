import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { requireOperator } from "@/lib/auth/next-auth";
import { canStartRun } from "@/lib/auth/roles";
import { RunsHistory } from "./_components/runs-history";
import { parseRunsSearchParams } from "./_components/runs-search-params";

export const metadata: Metadata = { title: "Runs" };

export default async function RunsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Viewers may look at every run; only starting one is role-gated.
  const operator = await requireOperator();
  const query = parseRunsSearchParams(await searchParams);
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-x-4">
        <PageHeader
          title="Runs"
          description="Every deletion run, newest first. Filters are kept in the address, so a view can be shared."
        />
        {canStartRun(operator.role) ? (
          <Link
            href="/runs/new"
            className="bg-primary text-primary-foreground hover:bg-primary/90 inline-flex h-9 items-center gap-2 rounded-md px-4 text-sm font-medium"
          >
            <Plus aria-hidden className="size-4" />
            New deletion
          </Link>
        ) : null}
      </div>
      <RunsHistory query={query} />
    </>
  );
}

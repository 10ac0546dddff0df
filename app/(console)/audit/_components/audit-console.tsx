"use client";

import { useState } from "react";
import { ExportEventsCard, ExportSearchLinks } from "./audit-exports";
import { LookupForm } from "./lookup-form";
import { LookupResults } from "./lookup-results";
import type { LookupIds } from "./parse-lookup-ids";
import { VerifyChainCard } from "./verify-chain-card";

interface Search {
  lookup: LookupIds;
  /** Bumped on every "Look up", so searching the same IDs again asks the server again. */
  searchId: number;
}

/** The audit page: search video IDs across every run, and verify the event chain. */
export function AuditConsole({ canCheckpoint }: { canCheckpoint: boolean }) {
  const [search, setSearch] = useState<Search | null>(null);
  return (
    <div className="space-y-6">
      {/* The verify card sits beside the search, not below results that can run to 200 blocks. */}
      <div className="grid items-start gap-6 lg:grid-cols-[2fr_1fr]">
        <LookupForm
          onSearch={(lookup) =>
            setSearch((previous) => ({
              lookup,
              searchId: (previous?.searchId ?? 0) + 1,
            }))
          }
        />
        <div className="space-y-6">
          <VerifyChainCard canCheckpoint={canCheckpoint} />
          <ExportEventsCard />
        </div>
      </div>
      {search ? (
        <>
          <ExportSearchLinks ids={search.lookup.ids} />
          <LookupResults lookup={search.lookup} searchId={search.searchId} />
        </>
      ) : null}
    </div>
  );
}

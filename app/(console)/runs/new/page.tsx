import type { Metadata } from "next";
import { ComingSoon, PageHeader } from "@/components/ui/card";
import { requireOperator } from "@/lib/auth";
import { canStartRun } from "@/lib/auth/roles";
import { ProviderStatus } from "./_components/provider-status";

export const metadata: Metadata = { title: "New deletion" };

export default async function NewRunPage() {
  const operator = await requireOperator();
  return (
    <>
      <PageHeader
        title="New deletion"
        description="Paste or select video IDs, preview what will happen, then confirm a permanent deletion."
      />
      <div className="space-y-6">
        <ProviderStatus />
        <ComingSoon>
          {canStartRun(operator.role)
            ? "Here you will pick a provider, paste or upload video IDs (or select them from the provider's library or an earlier run), see a per-ID preview, and confirm by typing the number of videos to delete."
            : "Viewers cannot start deletions. Ask an admin for the operator role if you need to delete videos."}
        </ComingSoon>
      </div>
    </>
  );
}

import type { Metadata } from "next";
import { ComingSoon, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Runs" };

export default function RunsPage() {
  return (
    <>
      <PageHeader
        title="Runs"
        description="Every deletion run, newest first."
      />
      <ComingSoon>
        Here you will see every run with its operator, provider, outcome counts,
        status and duration, filter them, and open one to see each video&apos;s
        result.
      </ComingSoon>
    </>
  );
}

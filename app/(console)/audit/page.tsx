import type { Metadata } from "next";
import { ComingSoon, PageHeader } from "@/components/ui/card";

export const metadata: Metadata = { title: "Audit" };

export default function AuditPage() {
  return (
    <>
      <PageHeader
        title="Audit"
        description="Answer “was video X deleted, by whom, when?” and verify the record."
      />
      <ComingSoon>
        Here you will search any video ID across every run, export the audit
        log, and verify that the tamper-evident event chain is intact.
      </ComingSoon>
    </>
  );
}

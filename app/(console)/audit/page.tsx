import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { requireOperator } from "@/lib/auth/next-auth";
import { canManageAccess } from "@/lib/auth/roles";
import { AuditConsole } from "./_components/audit-console";

export const metadata: Metadata = { title: "Audit" };

export default async function AuditPage() {
  // Viewers included: the record only answers questions, it changes nothing.
  const operator = await requireOperator();
  return (
    <>
      <PageHeader
        title="Audit"
        description="Answer “was video X deleted, by whom, when?” and verify the record."
      />
      <AuditConsole canCheckpoint={canManageAccess(operator.role)} />
    </>
  );
}

import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { requireOperator } from "@/lib/auth/next-auth";
import { UsersAdmin } from "./_components/users-admin";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const operator = await requireOperator("admin");
  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in, and what each person may do."
      />
      <UsersAdmin currentUserId={operator.id} />
    </>
  );
}

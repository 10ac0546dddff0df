import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { requireOperator } from "@/lib/auth/next-auth";
import { TokensAdmin } from "./_components/tokens-admin";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  await requireOperator("admin");
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let scheduled scripts call the Erasure API as a user, with that user's role. Send them as Authorization: Bearer <token>."
      />
      <TokensAdmin />
    </>
  );
}

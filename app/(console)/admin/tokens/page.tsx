import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { requireOperator } from "@/lib/auth/next-auth";
import { getEnv } from "@/lib/env";
import { TokensAdmin } from "./_components/tokens-admin";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  await requireOperator("admin");
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Tokens let scheduled scripts call the Erasure API as a user: read-only tokens may only send GET requests, operate tokens act with that user's role. Every token expires, and disabling its user revokes it. Send them as Authorization: Bearer <token>."
      />
      <TokensAdmin maxDays={getEnv().ERASURE_TOKEN_MAX_DAYS} />
    </>
  );
}

import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requireOperator } from "@/lib/auth/next-auth";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({
  children,
}: {
  children: ReactNode;
}) {
  const operator = await requireOperator();
  return <AppShell operator={operator}>{children}</AppShell>;
}

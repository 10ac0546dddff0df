import { ShieldCheck } from "lucide-react";
import type { ReactNode } from "react";
import { RoleBadge } from "@/components/ui/role-badge";
import type { Operator } from "@/lib/auth/operator";
import { canManageAccess } from "@/lib/auth/roles";
import { SidebarNav } from "./sidebar-nav";
import { SignOutButton } from "./sign-out-button";

export function AppShell({
  operator,
  children,
}: {
  operator: Operator;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-screen">
      <aside className="bg-sidebar text-sidebar-foreground flex w-60 shrink-0 flex-col gap-6 p-4">
        <div className="flex items-center gap-2 px-3 pt-2 text-base font-semibold text-white">
          <ShieldCheck className="size-5" aria-hidden /> Erasure
        </div>
        <SidebarNav isAdmin={canManageAccess(operator.role)} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="border-border bg-card flex h-14 items-center justify-end gap-3 border-b px-6">
          <span className="text-sm" data-testid="signed-in-user">
            {operator.name}{" "}
            <span className="text-muted-foreground">({operator.email})</span>
          </span>
          <RoleBadge role={operator.role} />
          <SignOutButton />
        </header>
        <main className="flex-1 p-8">{children}</main>
      </div>
    </div>
  );
}

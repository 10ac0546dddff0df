import { ShieldCheck } from "lucide-react";
import type { ReactNode } from "react";
import { RoleBadge } from "@/components/ui/role-badge";
import type { Operator } from "@/lib/auth/operator";
import { canManageAccess } from "@/lib/auth/roles";
import { MobileNav } from "./mobile-nav";
import { SidebarNav } from "./sidebar-nav";
import { SignOutButton } from "./sign-out-button";
import { ThemeToggle } from "./theme-toggle";

/** Sidebar from `md` up; below it the header's menu button opens the same links (MobileNav). */
export function AppShell({
  operator,
  children,
}: {
  operator: Operator;
  children: ReactNode;
}) {
  const isAdmin = canManageAccess(operator.role);
  return (
    <div className="flex min-h-screen">
      <aside className="bg-sidebar text-sidebar-foreground hidden w-60 shrink-0 flex-col gap-6 p-4 md:flex">
        <div className="flex items-center gap-2 px-3 pt-2 text-base font-semibold">
          <ShieldCheck className="size-5" aria-hidden /> Erasure
        </div>
        <SidebarNav isAdmin={isAdmin} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="border-border bg-card flex min-h-14 flex-wrap items-center gap-x-3 gap-y-2 border-b px-4 py-2 md:px-6">
          <MobileNav isAdmin={isAdmin} />
          <span className="flex items-center gap-2 font-semibold md:hidden">
            <ShieldCheck className="size-5" aria-hidden /> Erasure
          </span>
          <div className="ml-auto flex min-w-0 flex-wrap items-center justify-end gap-x-3 gap-y-2">
            <span
              className="min-w-0 truncate text-sm"
              data-testid="signed-in-user"
            >
              {operator.name}{" "}
              <span className="text-muted-foreground">({operator.email})</span>
            </span>
            <RoleBadge role={operator.role} />
            <ThemeToggle />
            <SignOutButton />
          </div>
        </header>
        <main className="min-w-0 flex-1 p-4 md:p-8">{children}</main>
      </div>
    </div>
  );
}

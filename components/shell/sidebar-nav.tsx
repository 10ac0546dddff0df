"use client";

import {
  FilePlus2,
  History,
  House,
  KeyRound,
  ScrollText,
  Users,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

const items = [
  { href: "/", label: "Home", icon: House, adminOnly: false },
  {
    href: "/runs/new",
    label: "New deletion",
    icon: FilePlus2,
    adminOnly: false,
  },
  { href: "/runs", label: "Runs", icon: History, adminOnly: false },
  { href: "/audit", label: "Audit", icon: ScrollText, adminOnly: false },
  { href: "/admin/users", label: "Users", icon: Users, adminOnly: true },
  { href: "/admin/tokens", label: "Tokens", icon: KeyRound, adminOnly: true },
];

function isActive(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/";
  if (href === "/runs")
    return (
      pathname === "/runs" ||
      (pathname.startsWith("/runs/") && pathname !== "/runs/new")
    );
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function SidebarNav({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-1">
      {items
        .filter((item) => isAdmin || !item.adminOnly)
        .map(({ href, label, icon: Icon }) => (
          <Link
            key={href}
            href={href}
            aria-current={isActive(pathname, href) ? "page" : undefined}
            className={cn(
              "flex items-center gap-3 rounded-md px-3 py-2 text-sm transition-colors hover:bg-white/10",
              isActive(pathname, href) && "bg-white/15 font-medium",
            )}
          >
            <Icon className="size-4" aria-hidden />
            {label}
          </Link>
        ))}
    </nav>
  );
}

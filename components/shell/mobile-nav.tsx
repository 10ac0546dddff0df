"use client";

import { Menu, ShieldCheck, X } from "lucide-react";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/lib/use-hydrated";
import { SidebarNav } from "./sidebar-nav";

/**
 * The navigation below the `md` breakpoint, where the sidebar is hidden: a menu button that opens
 * it as a modal drawer. showModal() keeps focus inside and makes Escape close it; closing gives
 * focus back to the menu button, and following a link closes it.
 */
export function MobileNav({ isAdmin }: { isAdmin: boolean }) {
  const [open, setOpen] = useState(false);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const pathname = usePathname();
  const [openedAt, setOpenedAt] = useState(pathname);
  // Before hydration a tap would do nothing at all; a disabled button at least says so.
  const hydrated = useHydrated();

  // A link was followed: the drawer has done its job.
  if (open && pathname !== openedAt) setOpen(false);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        className="md:hidden"
        aria-label="Open navigation"
        aria-haspopup="dialog"
        aria-expanded={open}
        disabled={!hydrated}
        onClick={() => {
          setOpenedAt(pathname);
          setOpen(true);
        }}
      >
        <Menu aria-hidden className="size-5" />
      </Button>
      <dialog
        ref={dialogRef}
        aria-label="Navigation"
        onClose={() => setOpen(false)}
        // Clicks on the backdrop land on the <dialog> itself.
        onClick={(event) => {
          if (event.target === event.currentTarget) setOpen(false);
        }}
        className="bg-sidebar text-sidebar-foreground m-0 h-dvh max-h-none w-72 max-w-[85vw] p-0 backdrop:bg-black/50"
      >
        {open ? (
          <div className="flex h-full flex-col gap-6 p-4">
            <div className="flex items-center justify-between gap-2 pl-3">
              <span className="flex items-center gap-2 text-base font-semibold">
                <ShieldCheck className="size-5" aria-hidden /> Erasure
              </span>
              <button
                type="button"
                aria-label="Close navigation"
                onClick={() => setOpen(false)}
                className="focus-visible:ring-ring inline-flex size-9 items-center justify-center rounded-md hover:bg-white/10 focus-visible:ring-2 focus-visible:outline-none"
              >
                <X aria-hidden className="size-5" />
              </button>
            </div>
            <SidebarNav isAdmin={isAdmin} />
          </div>
        ) : null}
      </dialog>
    </>
  );
}

"use client";

import { LogOut } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        // Loaded on the click: next-auth's browser client is not needed before, on any page.
        const { signOut } = await import("next-auth/react");
        // next-auth's sign-out event revokes the server-side session, so a copied cookie dies too.
        void signOut({ callbackUrl: "/login" });
      }}
    >
      <LogOut className="size-4" aria-hidden />
      {pending ? "Signing out…" : "Sign out"}
    </Button>
  );
}

"use client";

import { Toaster as Sonner } from "sonner";

/** The one place toasts render (docs/style.md: a toast announces the outcome of a mutation). */
export function Toaster() {
  return (
    <Sonner
      position="bottom-right"
      closeButton
      toastOptions={{
        classNames: {
          toast: "bg-card text-foreground border-border shadow-lg",
          description: "text-muted-foreground",
          error: "text-destructive",
        },
      }}
    />
  );
}

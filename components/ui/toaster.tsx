"use client";

import dynamic from "next/dynamic";

// sonner weighs about 9 KB gzip, on every page: it loads after the page, since no toast can be
// raised before the page answers a click.
const Sonner = dynamic(
  () => import("sonner").then((module) => module.Toaster),
  {
    ssr: false,
  },
);

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

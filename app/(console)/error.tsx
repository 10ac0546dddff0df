"use client";

import { Button } from "@/components/ui/button";

export default function ConsoleError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div role="alert" className="space-y-3">
      <h1 className="text-xl font-semibold">This page failed to load</h1>
      <p className="text-muted-foreground text-sm">
        Nothing was deleted because of this error. Reference:{" "}
        {error.digest ?? "none"}.
      </p>
      <Button variant="outline" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}

"use client";

import { Search } from "lucide-react";
import { useState, type FormEvent, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Label } from "@/components/ui/input";
import { useHydrated } from "@/lib/use-hydrated";
import {
  MAX_LOOKUP_IDS,
  parseLookupIds,
  type LookupIds,
} from "./parse-lookup-ids";

/**
 * The search box. Uncontrolled: up to thousands of pasted IDs are read once, on "Look up",
 * instead of re-rendering on every keystroke.
 */
export function LookupForm({
  onSearch,
}: {
  onSearch: (lookup: LookupIds) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  // Before hydration a click would submit the form natively and lose the pasted IDs.
  const hydrated = useHydrated();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = new FormData(event.currentTarget).get("videoIds");
    const lookup = parseLookupIds(typeof text === "string" ? text : "");
    if (lookup.ids.length === 0) {
      setError("Enter at least one video ID.");
      return;
    }
    setError(null);
    onSearch(lookup);
  }

  // Enter belongs to the textarea (a new line); Ctrl/⌘+Enter searches, as in most consoles.
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  }

  return (
    <Card className="p-4">
      <form onSubmit={onSubmit} noValidate className="space-y-3">
        <h2 className="text-base font-semibold">Search video IDs</h2>
        <div className="space-y-1">
          <Label htmlFor="audit-video-ids">Video IDs to look up</Label>
          <textarea
            id="audit-video-ids"
            name="videoIds"
            rows={5}
            spellCheck={false}
            autoComplete="off"
            onKeyDown={onKeyDown}
            aria-describedby="audit-video-ids-hint"
            aria-invalid={error ? true : undefined}
            aria-errormessage={error ? "audit-video-ids-error" : undefined}
            placeholder={"68919a464b4dbdd4ab3d3034\nVI606404158946574336, 1265"}
            className="border-border bg-card focus-visible:ring-ring w-full resize-y rounded-md border p-3 font-mono text-xs shadow-xs focus-visible:ring-2 focus-visible:outline-none"
          />
          <p
            id="audit-video-ids-hint"
            className="text-muted-foreground text-xs"
          >
            One or many IDs from any provider, separated by new lines, commas or
            spaces. Up to {MAX_LOOKUP_IDS} distinct IDs per search; the rest are
            left for the next one.
          </p>
        </div>
        {error ? (
          <p
            id="audit-video-ids-error"
            role="alert"
            className="text-destructive text-sm"
          >
            {error}
          </p>
        ) : null}
        <Button type="submit" disabled={!hydrated}>
          <Search aria-hidden className="size-4" />
          Look up
        </Button>
      </form>
    </Card>
  );
}

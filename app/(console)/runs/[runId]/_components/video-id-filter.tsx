import { Search } from "lucide-react";
import { useEffect, useState } from "react";
import { Input } from "@/components/ui/input";

/** Waits for a pause in typing, so the URL (and the server query) changes once per search. */
const DEBOUNCE_MS = 300;

export function VideoIdFilter({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string) => void;
}) {
  const [draft, setDraft] = useState(value);

  useEffect(() => {
    if (draft.trim() === value) return;
    const timer = setTimeout(() => onChange(draft.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, value, onChange]);

  return (
    <div className="relative w-full max-w-xs">
      <Search
        aria-hidden
        className="text-muted-foreground pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2"
      />
      <Input
        type="search"
        aria-label="Filter by video ID"
        placeholder="Filter by video ID…"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        className="pl-8 font-mono text-xs"
        maxLength={200}
      />
    </div>
  );
}

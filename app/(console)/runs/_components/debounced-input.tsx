import { useEffect, useState, type InputHTMLAttributes } from "react";
import { Input } from "@/components/ui/input";

/** Waits for a pause in typing, so the URL (and the server query) changes once per search. */
const DEBOUNCE_MS = 300;

/**
 * A text field that reports its trimmed value after a pause. It keeps its own draft, so an outside
 * reset (e.g. "Clear filters") must remount it with a new `key`.
 */
export function DebouncedInput({
  value,
  onValueChange,
  ...props
}: Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange"> & {
  value: string;
  onValueChange: (value: string) => void;
}) {
  const [draft, setDraft] = useState(value);

  useEffect(() => {
    if (draft.trim() === value) return;
    const timer = setTimeout(() => onValueChange(draft.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [draft, value, onValueChange]);

  return (
    <Input
      {...props}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
    />
  );
}

import { idFormatFor } from "@/lib/providers/id-formats";
import type { IdKind, ProviderId } from "@/lib/providers/types";
import { cn } from "@/lib/utils";

const choices: { kind: IdKind; label: string }[] = [
  { kind: "video", label: "By video ID" },
  { kind: "reference", label: "By reference ID" },
];

/**
 * For a provider that also deletes by customer-defined reference IDs (VOD): which kind this
 * list holds. One run holds one kind, and the choice travels with the run into its record.
 */
export function IdKindPicker({
  provider,
  value,
  onChange,
}: {
  provider: ProviderId;
  value: IdKind;
  onChange: (kind: IdKind) => void;
}) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Name the videos</legend>
      <div className="flex flex-wrap gap-2">
        {choices.map(({ kind, label }) => {
          const format = idFormatFor(provider, kind);
          if (!format) return null;
          return (
            <label
              key={kind}
              className={cn(
                "border-border has-focus-visible:ring-ring flex cursor-pointer items-start gap-2 rounded-md border px-3 py-2 text-sm has-focus-visible:ring-2",
                value === kind && "border-primary bg-primary/5",
              )}
            >
              <input
                type="radio"
                name="id-kind"
                value={kind}
                checked={value === kind}
                onChange={() => onChange(kind)}
                className="mt-1"
              />
              <span>
                <span className="block font-medium">{label}</span>
                <span className="text-muted-foreground block text-xs">
                  {format.description}, e.g.{" "}
                  <code className="font-mono">{format.example}</code>
                </span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

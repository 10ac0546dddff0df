import { Button } from "@/components/ui/button";
import type { ProviderSummary } from "@/lib/providers/schemas";
import type { PreviewResponse } from "@/lib/runs/schemas";
import { FormSection } from "./form-section";
import { countOf } from "./format";
import { PreviewResults } from "./preview-panel";

interface PreviewSectionProps {
  provider: ProviderSummary | null;
  ids: string[];
  /** The IDs are still being parsed: previewing now would send an outdated list. */
  parsing: boolean;
  preview: PreviewResponse | undefined;
  current: boolean;
  /** Preview is an operator action (it is audited and spends the provider's rate budget). */
  allowed: boolean;
  pending: boolean;
  error: Error | null;
  onPreview: () => void;
}

/** Step 3: ask the provider what would happen to each ID. Nothing is deleted. */
export function PreviewSection(props: PreviewSectionProps) {
  const { provider, ids, parsing, preview, current, pending, error } = props;
  const ready =
    props.allowed && provider !== null && ids.length > 0 && !parsing;
  return (
    <FormSection
      step={3}
      title="Preview"
      description="Checks every ID with the provider. Nothing is deleted."
      actions={
        <Button
          variant="outline"
          disabled={!ready || pending}
          onClick={props.onPreview}
        >
          Preview
        </Button>
      }
    >
      {pending ? (
        <p role="status" className="text-muted-foreground text-sm">
          Checking {countOf(ids.length, "ID", "IDs")} with {provider?.label}…
        </p>
      ) : null}
      {error && !pending ? (
        <p role="alert" className="text-destructive text-sm">
          Preview failed: {error.message}
        </p>
      ) : null}
      {preview && !pending ? (
        <PreviewResults
          key={preview.items.length}
          preview={preview}
          stale={!current}
        />
      ) : null}
      {!preview && !pending && !error ? (
        <p className="text-muted-foreground text-sm">
          {!props.allowed
            ? "Viewers cannot preview or start deletions."
            : ready
              ? `Preview ${countOf(ids.length, "valid ID", "valid IDs")} to see what will happen to each.`
              : "Add valid IDs to preview them."}
        </p>
      ) : null}
    </FormSection>
  );
}

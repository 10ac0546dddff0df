import { Button } from "@/components/ui/button";
import type { ProviderSummary } from "@/lib/providers/schemas";
import type { ExcludableExpectation } from "@/lib/runs/schemas";
import { ExclusionPicker } from "./exclusion-picker";
import { FormSection } from "./form-section";
import { countOf } from "./format";
import { PreviewCoverage } from "./preview-coverage";
import { PreviewResults } from "./preview-panel";
import { PreviewProgress } from "./preview-progress";
import type { StreamingPreview } from "./use-streaming-preview";

interface PreviewSectionProps {
  provider: ProviderSummary | null;
  ids: string[];
  /** The IDs are still being parsed: previewing now would send an outdated list. */
  parsing: boolean;
  preview: StreamingPreview;
  current: boolean;
  /** Preview is an operator action (it is audited and spends the provider's rate budget). */
  allowed: boolean;
  onPreview: () => void;
  exclude: ExcludableExpectation[];
  onExcludeChange: (exclude: ExcludableExpectation[]) => void;
}

/** Step 3: ask the provider what would happen to each ID, as it answers. Nothing is deleted. */
export function PreviewSection(props: PreviewSectionProps) {
  const { provider, ids, parsing, preview, current } = props;
  const { data, isPending: pending, error } = preview;
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
        <PreviewProgress
          progress={preview.progress}
          providerLabel={provider?.label ?? "the provider"}
          onCancel={preview.cancel}
        />
      ) : null}
      {error && !pending ? (
        <p role="alert" className="text-destructive text-sm">
          Preview failed: {error.message}
        </p>
      ) : null}
      {data && !pending ? (
        <PreviewCoverage preview={data} cancelled={preview.cancelled} />
      ) : null}
      {data && !pending && current ? (
        <ExclusionPicker
          preview={data}
          value={props.exclude}
          onChange={props.onExcludeChange}
          disabled={!props.allowed}
        />
      ) : null}
      {data ? (
        <PreviewResults preview={data} stale={!current && !pending} />
      ) : null}
      {!data && !pending && !error ? (
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

import dynamic from "next/dynamic";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ProviderSummary } from "@/lib/providers/schemas";
import type { IdKind } from "@/lib/providers/types";
import type { RowOutcome } from "@/lib/runs/schemas";
import { FormSection } from "./form-section";
import { IdInput } from "./id-input";
import { ParseSummary } from "./parse-summary";
import type { IdList } from "./use-id-list";
import type { useIdParser } from "./use-id-parser";

// Loaded when their source is chosen: the library table (TanStack Table) and the run picker are
// not needed to paste IDs.
const EarlierRunPicker = dynamic(() =>
  import("./earlier-run-picker").then((module) => module.EarlierRunPicker),
);
const LibraryPicker = dynamic(() =>
  import("./library-picker").then((module) => module.LibraryPicker),
);

type Panel = "library" | "run";

interface IdSourcesProps {
  provider: ProviderSummary | null;
  idKind: IdKind;
  list: IdList;
  parser: ReturnType<typeof useIdParser>;
  fromRun?: string;
  fromOutcome?: RowOutcome;
  fromQuery?: string;
}

/** Step 2: paste, upload, or fill the "Video IDs" box from the library or an earlier run. */
export function IdSources({
  provider,
  idKind,
  list,
  parser,
  fromRun,
  fromOutcome,
  fromQuery,
}: IdSourcesProps) {
  // The library lists video IDs, so it is offered for runs of video IDs only.
  const canList = Boolean(provider?.canList) && idKind === "video";
  const [panel, setPanel] = useState<Panel | null>(fromRun ? "run" : null);
  const { textareaRef, ...rest } = list;
  // Selections replace the list; the panel stays open to show what was loaded.
  const fillFrom = (source: string) => (ids: string[]) =>
    rest.fill(ids.join("\n"), source);

  const toggle = (value: Panel) => (
    <Button
      size="sm"
      variant={panel === value ? "primary" : "outline"}
      aria-expanded={panel === value}
      aria-controls={`ids-panel-${value}`}
      disabled={!provider}
      onClick={() => setPanel(panel === value ? null : value)}
    >
      {value === "library" ? "Select from library" : "From an earlier run"}
    </Button>
  );

  return (
    <FormSection
      step={2}
      title="Add video IDs"
      description="Paste or upload IDs, or select them from the provider's library or an earlier run."
      actions={
        <>
          {canList ? toggle("library") : null}
          {toggle("run")}
        </>
      }
    >
      {provider && panel === "library" && canList ? (
        <div
          id="ids-panel-library"
          className="bg-muted/40 border-border rounded-md border p-3"
        >
          <LibraryPicker
            key={provider.id}
            provider={provider}
            onUseIds={fillFrom("selected in the library")}
          />
        </div>
      ) : null}
      {provider && panel === "run" ? (
        <div
          id="ids-panel-run"
          className="bg-muted/40 border-border rounded-md border p-3"
        >
          <EarlierRunPicker
            key={`${provider.id}:${idKind}`}
            provider={provider}
            idKind={idKind}
            initialRunId={fromRun}
            initialOutcome={fromOutcome}
            initialQuery={fromQuery}
            autoLoad={Boolean(fromRun)}
            onUseIds={fillFrom("from an earlier run")}
          />
        </div>
      ) : null}
      <IdInput
        provider={provider?.id ?? null}
        idKind={idKind}
        textareaRef={textareaRef}
        list={rest}
        extractCsv={parser.extractCsv}
      />
      {provider ? (
        <ParseSummary
          result={parser.result}
          parsing={parser.parsing}
          error={parser.error}
        />
      ) : (
        <p className="text-muted-foreground text-sm">
          Choose a provider to check the IDs.
        </p>
      )}
    </FormSection>
  );
}

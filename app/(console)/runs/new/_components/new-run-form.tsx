"use client";

import dynamic from "next/dynamic";
import { useMemo, useState } from "react";
import { useProviders } from "@/lib/providers/queries";
import type { ProviderId } from "@/lib/providers/types";
import type { ExcludableExpectation, RowOutcome } from "@/lib/runs/schemas";
import type { ActiveRuns } from "./active-runs-note";
import { excludedCount } from "./exclusion-picker";
import { IdSources } from "./id-sources";
import { PreviewSection } from "./preview-section";
import { ProviderStatus } from "./provider-status";
import { ProviderStep } from "./provider-step";
import { StartRunBar } from "./start-run-bar";
import { useConfirmDialog } from "./use-confirm-dialog";
import { useIdParser } from "./use-id-parser";
import { useRunTarget } from "./use-run-target";
import { useStreamingPreview } from "./use-streaming-preview";

// Loaded when first opened, after a preview: the page is usable before its code arrives.
const ConfirmDialog = dynamic(() =>
  import("./confirm-dialog").then((module) => module.ConfirmDialog),
);

const NO_IDS: string[] = [];
/** Focus goes back to it when the confirmation closes (WCAG 2.4.3). */
const DELETE_BUTTON_ID = "delete-videos";

/** Same IDs in the same order; an edit that changes nothing (a space) keeps the preview. */
function sameIds(a: string[], b: string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

interface NewRunFormProps {
  canStart: boolean;
  initialProvider?: ProviderId;
  fromRun?: string;
  fromOutcome?: RowOutcome;
  fromQuery?: string;
  /** The operator's runs in progress and the cap, as the page was loaded. */
  activeRuns: ActiveRuns;
}

/** Pick a provider → give IDs → preview → confirm; the one client component of /runs/new. */
export function NewRunForm({
  canStart,
  initialProvider,
  fromRun,
  fromOutcome,
  fromQuery,
  activeRuns,
}: NewRunFormProps) {
  const providers = useProviders();
  const parser = useIdParser();
  const preview = useStreamingPreview();
  const dialog = useConfirmDialog(DELETE_BUTTON_ID);
  const [exclude, setExclude] = useState<ExcludableExpectation[]>([]);
  const { provider, chooseProvider, idKind, setChosenKind, list } =
    useRunTarget({
      providers: providers.data,
      parser,
      initialProvider,
      fromRun,
    });

  const ids = parser.result?.valid ?? NO_IDS;
  // A preview counts only for the very list and provider it was made for.
  const previewedIds = preview.variables?.ids;
  const sameList = useMemo(
    () => previewedIds !== undefined && sameIds(previewedIds, ids),
    [previewedIds, ids],
  );
  const current =
    preview.data !== undefined &&
    !preview.isPending &&
    sameList &&
    preview.variables?.provider === provider?.id &&
    preview.data.idKind === idKind;
  const toDelete = preview.data
    ? preview.data.validCount - excludedCount(preview.data, exclude)
    : 0;
  const atCap = activeRuns.active >= activeRuns.max;
  const canConfirm = current && !parser.parsing && toDelete > 0 && !atCap;

  return (
    <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="min-w-0 space-y-6">
        <ProviderStep
          providers={providers}
          provider={provider}
          idKind={idKind}
          onProviderChange={chooseProvider}
          onIdKindChange={setChosenKind}
        />
        <IdSources
          provider={provider}
          idKind={idKind}
          list={list}
          parser={parser}
          fromRun={fromRun}
          fromOutcome={fromOutcome}
          fromQuery={fromQuery}
        />
        <PreviewSection
          provider={provider}
          ids={ids}
          parsing={parser.parsing}
          preview={preview}
          current={current}
          allowed={canStart}
          onPreview={() => {
            if (!provider) return;
            setExclude([]);
            preview.start({ provider: provider.id, idKind, ids });
          }}
          exclude={exclude}
          onExcludeChange={setExclude}
        />
        <StartRunBar
          canStart={canStart}
          activeRuns={activeRuns}
          atCap={atCap}
          canConfirm={canConfirm}
          nothingToDelete={current && toDelete === 0}
          buttonId={DELETE_BUTTON_ID}
          onDelete={dialog.show}
        />
      </div>
      <aside className="xl:sticky xl:top-6">
        <ProviderStatus />
      </aside>
      {canStart && dialog.open && provider && current && preview.data ? (
        <ConfirmDialog
          provider={provider}
          preview={preview.data}
          ids={ids}
          exclude={exclude}
          onClose={dialog.close}
        />
      ) : null}
    </div>
  );
}

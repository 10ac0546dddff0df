"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { idKindsOf } from "@/lib/providers/id-formats";
import { useProviders } from "@/lib/providers/queries";
import type { IdKind, ProviderId } from "@/lib/providers/types";
import { runQueryOptions } from "@/lib/runs/queries";
import type { ExcludableExpectation, RowOutcome } from "@/lib/runs/schemas";
import { ActiveRunsNote, type ActiveRuns } from "./active-runs-note";
import { excludedCount } from "./exclusion-picker";
import { FormSection } from "./form-section";
import { IdKindPicker } from "./id-kind-picker";
import { IdSources } from "./id-sources";
import { PreviewSection } from "./preview-section";
import { ProviderPicker } from "./provider-picker";
import { ProviderStatus } from "./provider-status";
import { useConfirmDialog } from "./use-confirm-dialog";
import { useIdList } from "./use-id-list";
import { useIdParser } from "./use-id-parser";
import { useProviderChoice } from "./use-provider-choice";
import { useStreamingPreview } from "./use-streaming-preview";

// Loaded when first opened, after a preview: the page is usable before its code arrives.
const ConfirmDialog = dynamic(() =>
  import("./confirm-dialog").then((module) => module.ConfirmDialog),
);

const NO_IDS: string[] = [];
/** Focus goes back to it when the confirmation closes (WCAG 2.4.3). */
const DELETE_BUTTON_ID = "delete-videos";

/** The wanted kind when the provider has it, else its video IDs. */
const kindFor = (provider: ProviderId, wanted: IdKind | undefined): IdKind =>
  wanted && idKindsOf(provider).includes(wanted) ? wanted : "video";

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
  // A deep link without ?provider= still works: the run says which provider it was on, and
  // which kind of ID its rows are.
  const fromRunQuery = useQuery({
    ...runQueryOptions(fromRun ?? ""),
    enabled: Boolean(fromRun),
    refetchInterval: false,
  });
  const { provider, choose } = useProviderChoice(
    providers.data,
    initialProvider,
    fromRunQuery.data?.provider,
  );
  const [chosenKind, setChosenKind] = useState<IdKind | undefined>();
  const wantedKind = chosenKind ?? fromRunQuery.data?.idKind;
  const idKind = provider ? kindFor(provider.id, wantedKind) : "video";
  const { parse: parseIds } = parser;
  const parse = useCallback(
    (text: string, target: ProviderId) =>
      parseIds(text, target, kindFor(target, wantedKind)),
    [parseIds, wantedKind],
  );
  const list = useIdList(parse, provider?.id ?? null);
  // Another kind of ID is another format: check the same list again.
  const { reparse } = list;
  const parsedKind = useRef(idKind);
  useEffect(() => {
    if (parsedKind.current === idKind) return;
    parsedKind.current = idKind;
    reparse();
  }, [idKind, reparse]);

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
        <FormSection step={1} title="Choose the provider">
          {providers.isError ? (
            <p role="alert" className="text-destructive text-sm">
              Could not load providers: {providers.error.message}
            </p>
          ) : (
            <ProviderPicker
              providers={providers.data ?? []}
              value={provider?.id ?? null}
              disabled={providers.isPending}
              onChange={(id) => {
                choose(id);
                list.reparse(id);
              }}
            />
          )}
          {provider && idKindsOf(provider.id).length > 1 ? (
            <IdKindPicker
              provider={provider.id}
              value={idKind}
              onChange={setChosenKind}
            />
          ) : null}
        </FormSection>
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
        <div className="flex flex-wrap items-center justify-end gap-3">
          {canStart ? (
            <>
              <ActiveRunsNote activeRuns={activeRuns} />
              <p className="text-muted-foreground text-sm">
                {atCap
                  ? "Wait for a run to finish."
                  : canConfirm
                    ? "You will be asked to type a confirmation."
                    : current && toDelete === 0
                      ? "Every ID is skipped: nothing to delete."
                      : "Preview the list first."}
              </p>
              <Button
                id={DELETE_BUTTON_ID}
                variant="destructive"
                disabled={!canConfirm}
                onClick={dialog.show}
              >
                Delete videos…
              </Button>
            </>
          ) : (
            <p className="bg-muted rounded-md px-3 py-2 text-sm">
              You are signed in as a viewer: you can check a list of IDs, but
              you cannot preview or start deletions. Ask an admin for the
              operator role.
            </p>
          )}
        </div>
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

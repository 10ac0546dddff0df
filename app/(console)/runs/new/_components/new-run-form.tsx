"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { idKindsOf } from "@/lib/providers/id-formats";
import { useProviders } from "@/lib/providers/queries";
import type { IdKind, ProviderId } from "@/lib/providers/types";
import { runQueryOptions, usePreview } from "@/lib/runs/queries";
import type { RowOutcome } from "@/lib/runs/schemas";
import { ConfirmDialog } from "./confirm-dialog";
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

const NO_IDS: string[] = [];

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
}

/** Pick a provider → give IDs → preview → confirm; the one client component of /runs/new. */
export function NewRunForm({
  canStart,
  initialProvider,
  fromRun,
  fromOutcome,
  fromQuery,
}: NewRunFormProps) {
  const providers = useProviders();
  const parser = useIdParser();
  const preview = usePreview();
  const dialog = useConfirmDialog();
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
    sameList &&
    preview.variables?.provider === provider?.id &&
    preview.data.idKind === idKind;
  const canConfirm =
    current && !parser.parsing && (preview.data?.validCount ?? 0) > 0;

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
          preview={preview.data}
          current={current}
          allowed={canStart}
          pending={preview.isPending}
          error={preview.error}
          onPreview={() =>
            provider && preview.mutate({ provider: provider.id, idKind, ids })
          }
        />
        <div className="flex flex-wrap items-center justify-end gap-3">
          {canStart ? (
            <>
              <p className="text-muted-foreground text-sm">
                {canConfirm
                  ? "You will be asked to type a confirmation."
                  : "Preview the list first."}
              </p>
              <Button
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
          onClose={dialog.close}
        />
      ) : null}
    </div>
  );
}

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { formatDateTime } from "@/components/time/format-time";
import { Button } from "@/components/ui/button";
import { Label, Select } from "@/components/ui/input";
import type { ProviderSummary } from "@/lib/providers/schemas";
import type { IdKind } from "@/lib/providers/types";
import { rowOutcomeLabels, runStatusLabels } from "@/lib/runs/outcome-labels";
import { runExportQueryOptions, useRuns } from "@/lib/runs/queries";
import { rowOutcomes, type RowOutcome, type Run } from "@/lib/runs/schemas";
import { countOf, formatCount } from "./format";

interface EarlierRunPickerProps {
  provider: ProviderSummary;
  /** Only runs of the same kind of ID are offered: their rows are that kind. */
  idKind: IdKind;
  initialRunId?: string;
  initialOutcome?: RowOutcome;
  /** Only rows whose video ID contains this (the run table's filter, from its deep link). */
  initialQuery?: string;
  /** Load the initial run's rows at once (deep link from a run page). */
  autoLoad?: boolean;
  onUseIds: (ids: string[]) => void;
}

function runLabel(run: Run): string {
  return [
    formatDateTime(new Date(run.createdAt)),
    countOf(run.total, "video", "videos"),
    runStatusLabels[run.status].label,
    run.createdBy.email,
  ].join(" · ");
}

/** Start from rows of an earlier run on the same provider, e.g. its failures. */
export function EarlierRunPicker({
  provider,
  idKind,
  initialRunId,
  initialOutcome,
  initialQuery,
  autoLoad,
  onUseIds,
}: EarlierRunPickerProps) {
  const queryClient = useQueryClient();
  const runs = useRuns({ provider: provider.id, limit: 50 });
  const [runId, setRunId] = useState(initialRunId ?? "");
  const [outcome, setOutcome] = useState<RowOutcome | "">(
    // A deep link without ?outcome= means all of the run's rows.
    initialOutcome ?? (initialRunId ? "" : "failed"),
  );
  const [contains, setContains] = useState(initialQuery ?? "");
  const sameProvider = (runs.data?.runs ?? []).filter(
    (run) => run.provider === provider.id && run.idKind === idKind,
  );
  const selected = sameProvider.find((run) => run.id === runId);
  const load = useMutation({
    mutationFn: () =>
      queryClient.fetchQuery(
        runExportQueryOptions(runId, {
          outcome: outcome || undefined,
          q: contains || undefined,
        }),
      ),
    onSuccess: (items) => onUseIds(items.map((item) => item.videoId)),
  });
  const { mutate } = load;
  const autoLoaded = useRef(false);
  useEffect(() => {
    if (!autoLoad || autoLoaded.current || !initialRunId) return;
    autoLoaded.current = true;
    mutate();
  }, [autoLoad, initialRunId, mutate]);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1 space-y-1">
          <Label htmlFor="earlier-run" className="block text-xs">
            Earlier run
          </Label>
          <Select
            id="earlier-run"
            className="h-8 text-xs"
            value={runId}
            onChange={(event) => setRunId(event.target.value)}
          >
            <option value="" disabled>
              {runs.isPending
                ? "Loading runs…"
                : sameProvider.length === 0
                  ? `No earlier runs on ${provider.label}`
                  : "Choose a run…"}
            </option>
            {runId && !selected ? (
              <option value={runId}>Run {runId.slice(0, 8)}</option>
            ) : null}
            {sameProvider.map((run) => (
              <option key={run.id} value={run.id}>
                {runLabel(run)}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="earlier-run-outcome" className="block text-xs">
            Rows
          </Label>
          <Select
            id="earlier-run-outcome"
            className="h-8 w-52 text-xs"
            value={outcome}
            onChange={(event) =>
              setOutcome(event.target.value as RowOutcome | "")
            }
          >
            <option value="">All rows</option>
            {rowOutcomes.map((value) => (
              <option key={value} value={value}>
                {rowOutcomeLabels[value].label}
                {selected ? ` (${formatCount(selected.counts[value])})` : ""}
              </option>
            ))}
          </Select>
        </div>
        <Button
          size="sm"
          variant="outline"
          disabled={!runId || load.isPending}
          onClick={() => load.mutate()}
        >
          {load.isPending ? "Loading…" : "Load IDs"}
        </Button>
      </div>
      {contains ? (
        <p className="text-muted-foreground flex items-center gap-2 text-xs">
          Only rows whose ID contains{" "}
          <code className="text-foreground font-mono">{contains}</code>
          <Button size="sm" variant="ghost" onClick={() => setContains("")}>
            Any ID
          </Button>
        </p>
      ) : null}
      {runs.isError ? (
        <p role="alert" className="text-destructive text-xs">
          Could not load runs: {runs.error.message}
        </p>
      ) : null}
      {load.isError ? (
        <p role="alert" className="text-destructive text-xs">
          Could not load the run&apos;s rows: {load.error.message}
        </p>
      ) : null}
      {load.isSuccess ? (
        <p role="status" className="text-muted-foreground text-xs">
          Loaded {countOf(load.data.length, "ID", "IDs")} into the list.
        </p>
      ) : null}
    </div>
  );
}

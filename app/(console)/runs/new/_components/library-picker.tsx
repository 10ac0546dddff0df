import { useQuery } from "@tanstack/react-query";
import type { RowSelectionState } from "@tanstack/react-table";
import { useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ProviderSummary } from "@/lib/providers/schemas";
import { countOf, formatCount } from "./format";
import { LibraryFilters } from "./library-filters";
import { LibraryTable } from "./library-table";
import { SelectAllBanner } from "./select-all-banner";
import { useCollectMatching } from "./use-collect-matching";
import { providerVideosQueryOptions } from "./videos-query";

const PAGE_SIZE = 25;
const NAME_DEBOUNCE_MS = 400;

interface LibraryPickerProps {
  provider: ProviderSummary;
  onUseIds: (ids: string[]) => void;
}

/** Browse the provider's videos (memories.ai, VOD) and pick some; render keyed by provider. */
export function LibraryPicker({ provider, onUseIds }: LibraryPickerProps) {
  const [status, setStatus] = useState("");
  const [nameInput, setNameInput] = useState("");
  const [name, setName] = useState("");
  // Cursor paging: the stack holds the cursor of every page visited, first page undefined.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const collector = useCollectMatching();
  // The last full "select all matching" walk, so the banner stops offering what is done.
  const [collected, setCollected] = useState<{
    key: string;
    ids: string[];
  } | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => {
      setName(nameInput.trim());
      setCursors([undefined]);
    }, NAME_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [nameInput]);

  const filter = { status: status || undefined, name: name || undefined };
  const filterKey = JSON.stringify(filter);
  const videos = useQuery(
    providerVideosQueryOptions(provider.id, {
      ...filter,
      cursor: cursors.at(-1),
      pageSize: PAGE_SIZE,
    }),
  );
  const page = videos.data;
  const selectedIds = useMemo(
    () => Object.keys(rowSelection).filter((id) => rowSelection[id]),
    [rowSelection],
  );
  const pageIds = page?.items.map((video) => video.id) ?? [];
  const allPageSelected =
    pageIds.length > 0 && pageIds.every((id) => rowSelection[id]);

  const allMatchingSelected =
    collected?.key === filterKey &&
    collected.ids.every((id) => rowSelection[id]);

  async function selectAllMatching() {
    const { ids, complete } = await collector.collect(provider.id, filter);
    if (complete) setCollected({ key: filterKey, ids });
    setRowSelection((old) => {
      const next = { ...old };
      for (const id of ids) next[id] = true;
      return next;
    });
  }

  return (
    <div className="space-y-3">
      <LibraryFilters
        provider={provider.id}
        statuses={provider.statuses}
        status={status}
        onStatusChange={(value) => {
          setStatus(value);
          setCursors([undefined]);
        }}
        name={nameInput}
        onNameChange={setNameInput}
        total={page?.total}
        searched={page?.searched}
      />

      {allPageSelected && page?.nextCursor ? (
        <SelectAllBanner
          pageCount={pageIds.length}
          total={page.total}
          collector={collector}
          allSelected={allMatchingSelected}
          onSelectAll={() => void selectAllMatching()}
          onStop={collector.stop}
        />
      ) : null}
      {collector.error ? (
        <p role="alert" className="text-destructive text-xs">
          Stopped after {formatCount(collector.collected)}: {collector.error}
        </p>
      ) : null}
      {videos.isError ? (
        <p role="alert" className="text-destructive text-sm">
          Could not list videos: {videos.error.message}
        </p>
      ) : null}

      <LibraryTable
        provider={provider.id}
        videos={page?.items ?? []}
        rowSelection={rowSelection}
        onRowSelectionChange={setRowSelection}
        loading={videos.isFetching}
      />

      <div className="flex flex-wrap items-center gap-2 text-xs">
        <Button
          size="sm"
          variant="outline"
          disabled={cursors.length <= 1 || videos.isFetching}
          onClick={() => setCursors((stack) => stack.slice(0, -1))}
        >
          Previous page
        </Button>
        <span className="text-muted-foreground">Page {cursors.length}</span>
        <Button
          size="sm"
          variant="outline"
          disabled={!page?.nextCursor || videos.isFetching}
          onClick={() => setCursors((stack) => [...stack, page!.nextCursor!])}
        >
          Next page
        </Button>
        <span className="text-muted-foreground ml-auto">
          {countOf(selectedIds.length, "video selected", "videos selected")}
        </span>
        <Button
          size="sm"
          variant="ghost"
          disabled={selectedIds.length === 0}
          onClick={() => setRowSelection({})}
        >
          Clear selection
        </Button>
        <Button
          size="sm"
          disabled={selectedIds.length === 0 || collector.running}
          onClick={() => onUseIds(selectedIds)}
        >
          Use {countOf(selectedIds.length, "selected ID", "selected IDs")}
        </Button>
      </div>
    </div>
  );
}

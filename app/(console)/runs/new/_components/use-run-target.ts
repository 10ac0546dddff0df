import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { idKindsOf } from "@/lib/providers/id-formats";
import type { ProviderSummary } from "@/lib/providers/schemas";
import type { IdKind, ProviderId } from "@/lib/providers/types";
import { runQueryOptions } from "@/lib/runs/queries";
import { useIdList } from "./use-id-list";
import type { useIdParser } from "./use-id-parser";
import { useProviderChoice } from "./use-provider-choice";

/** The wanted kind when the provider has it, else its video IDs. */
const kindFor = (provider: ProviderId, wanted: IdKind | undefined): IdKind =>
  wanted && idKindsOf(provider).includes(wanted) ? wanted : "video";

/**
 * What the run will delete on: the provider, the kind of ID and the list, parsed for both. A
 * change of provider or of kind checks the same list again.
 */
export function useRunTarget({
  providers,
  parser,
  initialProvider,
  fromRun,
}: {
  providers: ProviderSummary[] | undefined;
  parser: ReturnType<typeof useIdParser>;
  initialProvider?: ProviderId;
  fromRun?: string;
}) {
  // A deep link without ?provider= still works: the run says which provider it was on, and
  // which kind of ID its rows are.
  const fromRunQuery = useQuery({
    ...runQueryOptions(fromRun ?? ""),
    enabled: Boolean(fromRun),
    refetchInterval: false,
  });
  const { provider, choose } = useProviderChoice(
    providers,
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
  const chooseProvider = (id: ProviderId) => {
    choose(id);
    list.reparse(id);
  };
  return { provider, chooseProvider, idKind, setChosenKind, list };
}

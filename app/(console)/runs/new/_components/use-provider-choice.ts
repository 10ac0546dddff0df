import { useState } from "react";
import type { ProviderSummary } from "@/lib/providers/schemas";
import type { ProviderId } from "@/lib/providers/types";

/**
 * The chosen provider, if it is configured. A deep link may name one that is not (or the list
 * is still loading); it then counts as no choice rather than an error.
 */
export function useProviderChoice(
  providers: ProviderSummary[] | undefined,
  initial: ProviderId | undefined,
  /** Used until the operator picks one, e.g. the provider of the run a deep link names. */
  fallback?: ProviderId,
) {
  const [chosen, setChosen] = useState<ProviderId | null>(initial ?? null);
  const wanted = chosen ?? fallback;
  const provider =
    providers?.find((p) => p.id === wanted && p.configured) ?? null;
  return { provider, choose: setChosen };
}

import type { UseQueryResult } from "@tanstack/react-query";
import { idKindsOf } from "@/lib/providers/id-formats";
import type { ProviderSummary } from "@/lib/providers/schemas";
import type { IdKind, ProviderId } from "@/lib/providers/types";
import { FormSection } from "./form-section";
import { IdKindPicker } from "./id-kind-picker";
import { ProviderPicker } from "./provider-picker";

/** Step 1: the provider, and which kind of ID where it has more than one. */
export function ProviderStep({
  providers,
  provider,
  idKind,
  onProviderChange,
  onIdKindChange,
}: {
  providers: UseQueryResult<ProviderSummary[]>;
  provider: ProviderSummary | null | undefined;
  idKind: IdKind;
  onProviderChange: (id: ProviderId) => void;
  onIdKindChange: (kind: IdKind) => void;
}) {
  return (
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
          onChange={onProviderChange}
        />
      )}
      {provider && idKindsOf(provider.id).length > 1 ? (
        <IdKindPicker
          provider={provider.id}
          value={idKind}
          onChange={onIdKindChange}
        />
      ) : null}
    </FormSection>
  );
}

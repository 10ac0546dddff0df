// Test-only: what the ConfirmDialog tests (confirm-dialog.test.tsx, use-confirm-dialog.test.tsx)
// share. Never imported by production code.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import type { ProviderSummary } from "@/lib/providers/schemas";
import type { PreviewResponse } from "@/lib/runs/schemas";

/** A configured provider that cannot list; the dialog reads only its ID and label. */
export function providerOf(
  id: ProviderSummary["id"],
  label: string,
): ProviderSummary {
  return {
    id,
    label,
    configured: true,
    missing: [],
    maxBatch: null,
    rateLimit: null,
    idFormat: null,
    canList: false,
    statuses: [],
    health: null,
  };
}

/** A preview of `ids` in which every one will be deleted. */
export function previewOf(
  provider: PreviewResponse["provider"],
  ids: string[],
): PreviewResponse {
  return {
    provider,
    idKind: "video",
    validCount: ids.length,
    duplicateCount: 0,
    checkedCount: ids.length,
    lookupLimit: 5_000,
    counts: {
      will_delete: ids.length,
      already_gone: 0,
      processing: 0,
      not_yours: 0,
      unknown: 0,
      malformed: 0,
    },
    items: ids.map((id) => ({ id, expectation: "will_delete" })),
    evidence: [],
  };
}

/** A `fetch` implementation answering `body` as JSON, a new Response on every call. */
export const json = (status: number, body: unknown) => () =>
  Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json" },
    }),
  );

/** Renders `ui` under a query client that does not retry mutations. */
export function renderWithQueries(ui: ReactNode) {
  const queryClient = new QueryClient({
    defaultOptions: { mutations: { retry: false } },
  });
  return render(
    <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>,
  );
}

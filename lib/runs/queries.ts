// Browser: fetchers, query options and hooks for every runs endpoint (docs/design.md §8). Keys start
// with "runs"; mutations invalidate with keys taken from the query options, never retyped.
import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationOptions,
} from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import { lazyParser } from "@/lib/http/lazy-parse";
import { isActiveRunStatus } from "./outcome-labels";
import type {
  RetryProcessingBody,
  Run,
  RunRowFilter,
  RunItemsQuery,
  RunsQuery,
  StartRunBody,
} from "./schemas";

/** How often an active run (queued, running, paused) and its rows are refreshed. */
export const RUN_POLL_MS = 2_000;

// The schemas load with the first answer checked (lib/http/lazy-parse.ts).
const parsed = lazyParser(() => import("./schemas"));

/** `GET /api/runs` parameters; anything left out takes the API's default. */
export type RunsListParams = Partial<RunsQuery>;

function searchString(params: Record<string, string | number | undefined>) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

// ---- queries ----

/** One page of the run history, `{ runs, total }`; with no params, the 50 newest runs. */
export const runsQueryOptions = (params: RunsListParams = {}) =>
  queryOptions({
    queryKey: ["runs", "list", params],
    queryFn: async () =>
      parsed(
        (schemas) => schemas.runsListResponseSchema,
        fetchJson(
          `/api/runs${searchString({
            ...params,
            hasFailed: params.hasFailed ? "1" : undefined,
          })}`,
        ),
      ),
    // Keeps the table on screen while the next page, sort or filter loads.
    placeholderData: keepPreviousData,
  });

export const runQueryOptions = (runId: string) =>
  queryOptions({
    queryKey: ["runs", "detail", runId],
    queryFn: async () =>
      parsed((schemas) => schemas.runSchema, fetchJson(`/api/runs/${runId}`)),
    // Poll while the worker may still change it; stop once the run has ended.
    refetchInterval: (query) => {
      const run = query.state.data;
      if (!run) return false;
      if (isActiveRunStatus(run.status) || run.counts.pending > 0)
        return RUN_POLL_MS;
      // Processing rows being retried later change every few minutes, not every second.
      const retrying =
        run.counts.processing > 0 &&
        run.processingRetryUntil !== null &&
        run.processingRetryUntil.getTime() > Date.now();
      return retrying ? RUN_POLL_MS * 5 : false;
    },
  });

export const runItemsQueryOptions = (
  runId: string,
  query: Partial<RunItemsQuery> = {},
) =>
  queryOptions({
    queryKey: ["runs", "items", runId, query],
    queryFn: async ({ client }) => {
      const page = await parsed(
        (schemas) => schemas.runItemsResponseSchema,
        fetchJson(`/api/runs/${runId}/items${searchString({ ...query })}`),
      );
      // The run read with these rows (one snapshot) is the run page's header: the two never
      // disagree, as two separately polled reads would for up to a poll.
      client.setQueryData(runQueryOptions(runId).queryKey, page.run);
      return page;
    },
    // Keeps the table on screen while the next page, sort or filter loads.
    placeholderData: keepPreviousData,
  });

/** Rows of an earlier run (optionally one outcome), e.g. to start a new run from its failures. */
export const runExportQueryOptions = (
  runId: string,
  filter: RunRowFilter = {},
) =>
  queryOptions({
    queryKey: [
      "runs",
      "export",
      runId,
      filter.outcome ?? "all",
      filter.q ?? "",
    ],
    queryFn: async () =>
      parsed(
        (schemas) =>
          schemas.runItemSchema.omit({ nextAttemptAt: true }).array(),
        fetchJson(exportUrl(runId, { format: "json", ...filter })),
      ),
    staleTime: 30_000,
  });

export const useRuns = (params: RunsListParams = {}) =>
  useQuery(runsQueryOptions(params));

/** Download link for a run's rows (CSV or JSON), optionally only the table's filtered rows. */
export function exportUrl(
  runId: string,
  options: { format?: "csv" | "json" } & RunRowFilter = {},
): string {
  return `/api/runs/${runId}/export${searchString({
    format: options.format ?? "csv",
    outcome: options.outcome,
    q: options.q || undefined,
  })}`;
}

// ---- mutations ----

type ExtraOptions<TData, TVariables> = Omit<
  UseMutationOptions<TData, Error, TVariables>,
  "mutationFn"
>;

export interface StartRunVariables {
  body: StartRunBody;
  /** One random UUID per confirmation dialog opening, so a retried click never starts two runs. */
  idempotencyKey: string;
}

export function useStartRun(
  options: ExtraOptions<{ id: string }, StartRunVariables> = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: async ({ body, idempotencyKey }: StartRunVariables) =>
      parsed(
        (schemas) => schemas.runSchema.pick({ id: true }),
        fetchJson("/api/runs", {
          method: "POST",
          json: body,
          headers: { "Idempotency-Key": idempotencyKey },
        }),
      ),
    onSuccess: async (...args) => {
      await queryClient.invalidateQueries({
        queryKey: runsQueryOptions().queryKey.slice(0, 2),
      });
      await options.onSuccess?.(...args);
    },
  });
}

export function useCancelRun(options: ExtraOptions<Run, string> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: async (runId: string) =>
      parsed(
        (schemas) => schemas.runSchema,
        fetchJson(`/api/runs/${runId}/cancel`, { method: "POST" }),
      ),
    onSuccess: async (...args) => {
      const [run, runId] = args;
      queryClient.setQueryData(runQueryOptions(runId).queryKey, run);
      await Promise.all([
        queryClient.invalidateQueries({
          queryKey: runQueryOptions(runId).queryKey,
        }),
        queryClient.invalidateQueries({
          queryKey: runItemsQueryOptions(runId).queryKey.slice(0, 3),
        }),
        queryClient.invalidateQueries({
          queryKey: runsQueryOptions().queryKey.slice(0, 2),
        }),
      ]);
      await options.onSuccess?.(...args);
    },
  });
}

/** "Retry these later": re-attempt the run's processing rows every interval until a deadline. */
export function useRetryProcessing(runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: RetryProcessingBody = {}) =>
      parsed(
        (schemas) => schemas.runSchema,
        fetchJson(`/api/runs/${runId}/retry-processing`, {
          method: "POST",
          json: body,
        }),
      ),
    onSuccess: (run) => {
      queryClient.setQueryData(runQueryOptions(runId).queryKey, run);
      return queryClient.invalidateQueries({
        queryKey: runItemsQueryOptions(runId).queryKey.slice(0, 3),
      });
    },
  });
}

/** Stops "retry these later": processing rows stay processing, with no next attempt. */
export function useStopProcessingRetry(runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      parsed(
        (schemas) => schemas.runSchema,
        fetchJson(`/api/runs/${runId}/retry-processing`, {
          method: "DELETE",
        }),
      ),
    onSuccess: (run) => {
      queryClient.setQueryData(runQueryOptions(runId).queryKey, run);
      return queryClient.invalidateQueries({
        queryKey: runItemsQueryOptions(runId).queryKey.slice(0, 3),
      });
    },
  });
}

/** "Resume now": a paused run goes on without waiting for its automatic resume. */
export function useResumeRun(runId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      fetchJson<unknown>(`/api/runs/${runId}/resume`, { method: "POST" }),
    onSuccess: () =>
      queryClient.invalidateQueries({
        queryKey: runQueryOptions(runId).queryKey,
      }),
  });
}

// The adapter contract (docs/design.md §4). lib/runs sees only this; provider quirks stay in the
// adapter modules beside it.

import type { RateBudgets } from "./rate-budget";

export const providerIds = ["akool", "memories", "vod", "imagine"] as const;
export type ProviderId = (typeof providerIds)[number];

/**
 * What the IDs of a run name: the provider's own video IDs, or customer-defined reference IDs
 * (VOD's ReferenceIds, docs/design.md §4). A run keeps one kind for all its IDs.
 */
export const idKinds = ["video", "reference"] as const;
export type IdKind = (typeof idKinds)[number];

/** Final per-ID outcomes of a delete call; the row enum adds `pending` before one is known. */
export const finalOutcomes = [
  "deleted",
  "forbidden",
  "not_found",
  "processing",
  "failed",
] as const;
export type FinalOutcome = (typeof finalOutcomes)[number];

export interface OutcomeResult {
  outcome: FinalOutcome;
  /** Provider's code, or ours: `timeout`, `network`, `throttled`, `auth`, `malformed`, `http_<status>`. */
  code?: string;
  /** Provider's message (or ours), kept as proof of what was said. */
  message?: string;
  /** Only meaningful for `failed` (and `processing`): may the same ID be tried again later? */
  retryable: boolean;
  /** From a `Retry-After` header (or the provider's documented equivalent), in milliseconds. */
  retryAfterMs?: number;
  /** Short snippet of a surprising response body (≤ 300 chars), kept for the record. */
  raw?: string;
}

/** What a look-up says about one ID (preview, and resolving in-flight items after a crash). */
export interface LookupResult {
  state: "exists" | "processing" | "not_found" | "forbidden" | "failed";
  /** Provider's own status word or number, as text (e.g. `Normal`, `PARSE`, `2`). */
  status?: string;
  name?: string;
  code?: string;
  message?: string;
  retryable?: boolean;
  retryAfterMs?: number;
  raw?: string;
}

export interface VideoSummary {
  id: string;
  name: string;
  status: string;
  createdAt?: string;
  /** The account or application holding it, where the provider's list says (VOD's AppId). */
  owner?: string;
  /** False when `owner` is not the console's own: its delete will answer forbidden. */
  ownedByConsole?: boolean;
}

export interface ListParams {
  /** Opaque cursor from a previous page; absent for the first page. */
  cursor?: string;
  pageSize: number;
  /** Provider's own status value to filter on. */
  status?: string;
  /** Substring (or provider-supported match) on the video name/title. */
  name?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  /** Total matching, when the provider says. */
  total?: number;
  /**
   * Set when the console filtered the provider's pages itself (a name substring the provider
   * cannot match): how far into the library this page's search reached, of how many videos.
   */
  searched?: { through: number; of: number };
}

export interface HealthResult {
  ok: boolean;
  /** "credentials accepted", or the provider's own error. */
  message: string;
}

export interface DeleteOptions {
  /**
   * The caller looked every ID up just before this call and sends only what it means to delete,
   * so an adapter that brackets its delete with look-ups may skip the one before (memories.ai).
   */
  preChecked?: boolean;
}

/** The same account's videos addressed by another kind of ID: own format, look-up and delete. */
export interface IdKindAdapter {
  idPattern: RegExp;
  idFormat: string;
  /** See ProviderAdapter.answersPerId. */
  answersPerId: boolean;
  lookup(ids: string[]): Promise<Map<string, LookupResult>>;
  delete(
    ids: string[],
    options?: DeleteOptions,
  ): Promise<Map<string, OutcomeResult>>;
}

export interface ProviderAdapter {
  id: ProviderId;
  label: string;
  /** Well-formed IDs for this provider; malformed IDs never reach the provider. */
  idPattern: RegExp;
  /** Human description of the ID format, for error messages ("24 hex characters"). */
  idFormat: string;
  maxBatch: number;
  /** The delete call's limit per provider account, for display (GET /api/providers). */
  rateLimit: { requests: number; perMs: number };
  /**
   * The budget each kind of request draws on, per provider account (rate-budget.ts). The adapter
   * awaits its gate with one of these before every HTTP request it makes.
   */
  rateBudgets: RateBudgets;
  /** Provider status values a list can be filtered on (empty when it cannot list). */
  statuses: readonly string[];
  /**
   * Whether the provider's delete answer speaks for each ID. False for memories.ai (one overall
   * code): its "deleted" is inferred from a look-up afterwards, which cannot tell an ID that never
   * existed from one it deleted, so such IDs must never be sent (docs/design.md §2, G3).
   */
  answersPerId: boolean;
  lookup(ids: string[]): Promise<Map<string, LookupResult>>;
  /** Exactly one entry per distinct ID sent; never throws for a provider or network failure. */
  delete(
    ids: string[],
    options?: DeleteOptions,
  ): Promise<Map<string, OutcomeResult>>;
  list?(params: ListParams): Promise<Page<VideoSummary>>;
  healthCheck(): Promise<HealthResult>;
  /** Present when runs may name videos by customer-defined reference IDs (VOD). */
  referenceIds?: IdKindAdapter;
}

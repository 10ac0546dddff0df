import "server-only";

/**
 * Why a provider's `list()` failed, readable by machines: a cursor the caller made up or took from
 * another filter is the caller's mistake (400); anything else is the provider or the transport (503).
 */
export type ProviderListErrorReason = "invalid_cursor" | "provider_failed";

export interface ProviderListFailure {
  code?: string;
  message?: string;
  retryable?: boolean;
  retryAfterMs?: number;
}

/** The one error a provider's `list()` throws; it has no per-ID answer to carry the failure. */
export class ProviderListError extends Error {
  constructor(
    readonly reason: ProviderListErrorReason,
    readonly failure: ProviderListFailure,
    message = failure.message ?? failure.code ?? "list failed",
  ) {
    super(message);
    this.name = "ProviderListError";
  }
}

// One error class with a closed list of codes, each mapped to its HTTP status (docs/style.md, "From D").
export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    issues?: unknown;
    retryAfterSeconds?: number;
  };
}

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: { issues?: unknown; retryAfterSeconds?: number } = {},
  ) {
    super(message);
  }

  get status(): number {
    return errorStatus[this.code];
  }

  toResponse(requestId: string): Response {
    const body: ErrorBody = {
      error: { code: this.code, message: this.message, ...this.extra },
    };
    const headers = new Headers({
      "x-request-id": requestId,
      "cache-control": "no-store",
    });
    if (this.extra.retryAfterSeconds !== undefined)
      headers.set("retry-after", String(this.extra.retryAfterSeconds));
    return Response.json(body, { status: this.status, headers });
  }
}

// What may reach the log. Keys that name secrets are censored at any depth, strings shaped like
// our secrets are masked wherever they appear, and errors keep what says what went wrong (type,
// message, SQL, SQLSTATE, stack) but never the values a query carried: drizzle puts them in its
// message ("params: …"), the drivers in `params`, PostgreSQL in `detail` ("Key (token_hash)=(…)")
// and, for a value it could not read, in the message itself.

export const CENSOR = "[redacted]";
const MAX_DEPTH = 8;

const SECRET_KEYS = new Set(
  [
    "password",
    "passwordHash",
    "token",
    "tokenHash",
    "authorization",
    "cookie",
    "setCookie",
    "secret",
    "authSecret",
    "clientSecret",
    "apiKey",
    "xApiKey",
    "accessKeySecret",
    "sessionId",
    "sid",
    "signature",
    "privateKey",
    "signingKey",
  ].map((key) => normalizeKey(key)),
);
// The values a failed query carried, and PostgreSQL's fields that quote them.
const DROPPED_ERROR_KEYS = new Set([
  "params",
  "parameters",
  "detail",
  "where",
  "internalQuery",
  "queryOptions",
  "raw",
]);
const SECRET_SHAPES: [RegExp, string][] = [
  [/era_[A-Za-z0-9_-]{20,}/g, `era_${CENSOR}`], // an API token
  [/\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}/g, CENSOR], // a bcrypt hash
];

function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, "");
}

export function scrubText(text: string): string {
  return SECRET_SHAPES.reduce(
    (result, [shape, mask]) => result.replace(shape, mask),
    text,
  );
}

/** An error's message without the values its query carried. */
export function safeErrorMessage(error: Error): string {
  let message = error.message;
  const fields = error as Error & { query?: unknown; code?: unknown };
  if (message.startsWith("Failed query: ") && "params" in error)
    message = `Failed query: ${String(fields.query)}\nparams: ${CENSOR}`;
  // Data exceptions (SQLSTATE class 22) quote the value they could not read.
  if (typeof fields.code === "string" && fields.code.startsWith("22"))
    message = message.replace(/"[^"]*"/g, `"${CENSOR}"`);
  return scrubText(message);
}

/** An error as the log keeps it (pino's `err` serializer), causes included. */
export function serializeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return redactValue(error, depth);
  const message = safeErrorMessage(error);
  // The stack's first lines repeat the raw message; keep only the frames.
  const frames = error.stack?.indexOf("\n    at ") ?? -1;
  const out: Record<string, unknown> = {
    type: error.constructor?.name ?? error.name,
    message,
    stack: `${error.name}: ${message}${frames >= 0 ? error.stack!.slice(frames) : ""}`,
  };
  for (const [key, value] of Object.entries(error)) {
    if (key === "cause" || key in out || DROPPED_ERROR_KEYS.has(key)) continue;
    out[key] = SECRET_KEYS.has(normalizeKey(key))
      ? CENSOR
      : redactValue(value, depth + 1);
  }
  if (error.cause !== undefined && depth < MAX_DEPTH)
    out.cause = serializeError(error.cause, depth + 1);
  return out;
}

/** `value` with secrets censored at any depth and errors serialised safely. */
export function redactValue(
  value: unknown,
  depth = 0,
  seen = new WeakSet<object>(),
): unknown {
  if (typeof value === "string") return scrubText(value);
  if (value instanceof Error) return serializeError(value, depth);
  if (value === null || typeof value !== "object" || value instanceof Date)
    return value;
  if (depth >= MAX_DEPTH) return "[too deep]";
  if (seen.has(value)) return "[circular]";
  seen.add(value);
  if (Array.isArray(value))
    return value.map((item) => redactValue(item, depth + 1, seen));
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      SECRET_KEYS.has(normalizeKey(key))
        ? CENSOR
        : redactValue(inner, depth + 1, seen),
    ]),
  );
}

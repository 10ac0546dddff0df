// What an audit event says about the request that caused it comes from the client (headers),
// so it is bounded and cleaned for the record instead of being allowed to fail the event: a
// failed event would either undo a legitimate change or, worse, follow a change it never records.

export const REQUEST_ID_MAX = 100;
export const IP_MAX = 100;
export const USER_AGENT_MAX = 500;

// Control characters would let a header forge lines in a log viewer; the record keeps them as
// spaces. Lone surrogates are replaced because the driver stores them as U+FFFD, and an event
// must be stored exactly as it was hashed or the chain stops verifying.
const CONTROL = /[\u0000-\u001f\u007f]/g;
const LONE_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `value` as the record keeps it: one clean line of at most `max` characters, or null. */
export function recordableText(
  value: string | null | undefined,
  max: number,
): string | null {
  if (value == null) return null;
  // Cut first, so a surrogate pair split at the limit is cleaned like any lone surrogate.
  const cleaned = value
    .replace(CONTROL, " ")
    .trim()
    .slice(0, max)
    .replace(LONE_SURROGATE, "\ufffd")
    .trim();
  return cleaned === "" ? null : cleaned;
}

/** Request ID, IP and user agent, bounded to what the audit log stores. */
export function recordableRequest(request: {
  requestId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
}) {
  return {
    requestId: recordableText(request.requestId, REQUEST_ID_MAX),
    ip: recordableText(request.ip, IP_MAX),
    userAgent: recordableText(request.userAgent, USER_AGENT_MAX),
  };
}

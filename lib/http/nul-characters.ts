import { ApiError } from "./errors";

// PostgreSQL text cannot hold U+0000: a NUL that reaches a query fails it with a database error
// (a 500). No ID, name or filter of ours contains one, so it is refused at the door as bad input.
// Nor can it hold half of a UTF-16 surrogate pair (`"\ud800"` in JSON): that is no Unicode
// character, has no UTF-8 form, and fails the query too (jsonb refuses it; PGlite refuses any
// text holding one). Both are refused the same way.

function refused(where: string): ApiError {
  return new ApiError(
    "bad_request",
    `The ${where} contains a NUL character (U+0000) or a lone UTF-16 surrogate (U+D800–U+DFFF), which is never valid here.`,
  );
}

const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `text` holds U+0000 or a lone surrogate. */
function unstorable(text: string): boolean {
  return text.includes("\0") || LONE_SURROGATE.test(text);
}

/** Throws a 400 when a key or value of route params or a query string is unstorable. */
export function refuseNulIn(
  values: Record<string, string | string[] | undefined> | undefined,
  where: string,
): void {
  for (const [key, value] of Object.entries(values ?? {})) {
    const all = Array.isArray(value) ? value : [value ?? ""];
    if (unstorable(key) || all.some(unstorable)) throw refused(where);
  }
}

/** JSON.parse that throws a 400 for U+0000 or a lone surrogate in any string or key, however escaped. */
export function parseJsonWithoutNul(text: string): unknown {
  return JSON.parse(text, (key: string, value: unknown) => {
    if (unstorable(key) || (typeof value === "string" && unstorable(value)))
      throw refused("request body");
    return value;
  });
}

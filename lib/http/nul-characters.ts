import { ApiError } from "./errors";

// PostgreSQL text cannot hold U+0000: a NUL that reaches a query fails it with a database error
// (a 500). No ID, name or filter of ours contains one, so it is refused at the door as bad input.

function refused(where: string): ApiError {
  return new ApiError(
    "bad_request",
    `The ${where} contains a NUL character (U+0000), which is never valid here.`,
  );
}

/** Throws a 400 when a key or value of route params or a query string contains U+0000. */
export function refuseNulIn(
  values: Record<string, string | string[] | undefined> | undefined,
  where: string,
): void {
  for (const [key, value] of Object.entries(values ?? {})) {
    const all = Array.isArray(value) ? value : [value ?? ""];
    if (key.includes("\0") || all.some((item) => item.includes("\0")))
      throw refused(where);
  }
}

/** JSON.parse that throws a 400 for U+0000 in any string or key, however it was escaped. */
export function parseJsonWithoutNul(text: string): unknown {
  return JSON.parse(text, (key: string, value: unknown) => {
    if (
      key.includes("\0") ||
      (typeof value === "string" && value.includes("\0"))
    )
      throw refused("request body");
    return value;
  });
}

// runs.started_via holds `browser` or `token: <name>` (lib/runs/create-run.ts). Pages say it in
// words; reading the prefix here, once, keeps "API token “token: …”" from ever coming back.

const TOKEN_PREFIX = "token: ";

/** The API token's name, or null for a run started in the browser. */
export function startedViaToken(startedVia: string): string | null {
  if (startedVia === "browser") return null;
  return startedVia.startsWith(TOKEN_PREFIX)
    ? startedVia.slice(TOKEN_PREFIX.length)
    : startedVia;
}

/** "in the browser", or `with API token “nightly-cleanup”`. */
export function startedViaText(startedVia: string): string {
  const token = startedViaToken(startedVia);
  return token === null ? "in the browser" : `with API token “${token}”`;
}

// Pure: what an API token may do, shared by the database enum, the server and the token form.
export const tokenScopes = ["read", "operate"] as const;
export type TokenScope = (typeof tokenScopes)[number];

export const tokenScopeLabels: Record<TokenScope, string> = {
  read: "Read only",
  operate: "Operate",
};

export const tokenScopeDescriptions: Record<TokenScope, string> = {
  read: "GET requests only: reads runs, exports and the audit log.",
  operate: "Everything its user's role allows.",
};

/** Methods a read-scoped token may use; anything else changes state. */
export const READ_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD"]);

export const DEFAULT_TOKEN_DAYS = 90;

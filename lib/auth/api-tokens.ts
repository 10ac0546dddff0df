import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/open-db";
import { apiTokens, users } from "@/lib/db/schema";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/http/errors";
import { operatorOf, type Operator } from "./operator";
import { DEFAULT_TOKEN_DAYS, type TokenScope } from "./token-scopes";

// A recognisable prefix lets secret scanners and operators spot a leaked Erasure token.
const TOKEN_PREFIX = "era_";
const DAY_MS = 86_400_000;

const hashToken = (token: string) =>
  createHash("sha256").update(token).digest("hex");

/** What any answer may say about a token: never its secret, never its hash. */
export interface TokenSummary {
  id: string;
  name: string;
  prefix: string;
  userId: string;
  userEmail: string;
  role: Operator["role"];
  scope: TokenScope;
  /** Email of the admin who issued it; null when issued from the command line. */
  issuedBy: string | null;
  /** As of this answer: `revoked`, else `expired` once past `expiresAt`, else `active`. */
  status: "active" | "expired" | "revoked";
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const issuers = alias(users, "issuers");

async function selectSummaries(db: Db, where?: SQL) {
  const rows = await db
    .select({
      token: apiTokens,
      email: users.email,
      role: users.role,
      issuedBy: issuers.email,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(issuers, eq(issuers.id, apiTokens.createdBy))
    .where(where)
    .orderBy(desc(apiTokens.createdAt));
  const now = Date.now();
  return rows.map(({ token, email, role, issuedBy }): TokenSummary => ({
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    userId: token.userId,
    userEmail: email,
    role,
    scope: token.scope,
    issuedBy,
    status: token.revokedAt
      ? "revoked"
      : token.expiresAt.getTime() <= now
        ? "expired"
        : "active",
    createdAt: token.createdAt,
    expiresAt: token.expiresAt,
    lastUsedAt: token.lastUsedAt,
    revokedAt: token.revokedAt,
  }));
}

/** A token's lifetime in days: 90 unless asked, and never more than ERASURE_TOKEN_MAX_DAYS. */
export function tokenLifetimeDays(requested?: number): number {
  const max = getEnv().ERASURE_TOKEN_MAX_DAYS;
  if (requested === undefined) return Math.min(DEFAULT_TOKEN_DAYS, max);
  if (requested > max)
    throw new ApiError(
      "unprocessable",
      `A token may live at most ${max} days (ERASURE_TOKEN_MAX_DAYS).`,
    );
  return requested;
}

/**
 * Creates a token for a user; the plaintext is returned once and only its hash is stored.
 * `createdBy` is the issuing admin (omitted from the command line). Pass `db` to join a
 * transaction, e.g. the one that records `token.created`.
 */
export async function createApiToken(
  input: {
    userId: string;
    name: string;
    scope?: TokenScope;
    expiresInDays?: number;
    createdBy?: string;
  },
  db?: Db,
): Promise<{ token: string; summary: TokenSummary }> {
  const days = tokenLifetimeDays(input.expiresInDays);
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const target = db ?? (await getDb());
  const [owner] = await target
    .select({ id: users.id })
    .from(users)
    .where(eq(users.id, input.userId));
  if (!owner) throw new ApiError("not_found", "No such user.");
  const [row] = await target
    .insert(apiTokens)
    .values({
      userId: input.userId,
      name: input.name.trim(),
      tokenHash: hashToken(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      createdBy: input.createdBy,
      scope: input.scope ?? "operate",
      expiresAt: new Date(Date.now() + days * DAY_MS),
    })
    .returning({ id: apiTokens.id });
  const [summary] = await selectSummaries(target, eq(apiTokens.id, row!.id));
  return { token, summary: summary! };
}

export async function listApiTokens(): Promise<TokenSummary[]> {
  return selectSummaries(await getDb());
}

/** Revokes a token (a no-op if it already was) and returns it. Pass `db` to join a transaction. */
export async function revokeApiToken(
  id: string,
  db?: Db,
): Promise<TokenSummary> {
  const target = db ?? (await getDb());
  await target
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
  const [summary] = await selectSummaries(target, eq(apiTokens.id, id));
  if (!summary) throw new ApiError("not_found", "No such token.");
  return summary;
}

/**
 * Revokes every live token of a user: called when the user is disabled, so that enabling them
 * again does not bring old (possibly leaked) tokens back to life.
 */
export async function revokeUserApiTokens(
  userId: string,
  db: Db,
): Promise<void> {
  await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}

export type TokenCheck =
  | { ok: true; operator: Operator }
  | { ok: false; reason: "invalid" | "expired" };

/** Checks a Bearer token: its owner (with the owner's current role), or why it is refused. */
export async function checkApiToken(token: string): Promise<TokenCheck> {
  if (!token.startsWith(TOKEN_PREFIX)) return { ok: false, reason: "invalid" };
  const db = await getDb();
  const [row] = await db
    .select({
      token: apiTokens,
      user: users,
      issuedBy: issuers.email,
      expired: sql<boolean>`${apiTokens.expiresAt} <= now()`,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(issuers, eq(issuers.id, apiTokens.createdBy))
    .where(
      and(
        eq(apiTokens.tokenHash, hashToken(token)),
        isNull(apiTokens.revokedAt),
      ),
    );
  if (!row || row.user.disabled) return { ok: false, reason: "invalid" };
  if (row.expired) return { ok: false, reason: "expired" };
  // A write per request would make every script call a write; a minute's precision is enough.
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.id, row.token.id),
        or(
          isNull(apiTokens.lastUsedAt),
          lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`),
        ),
      ),
    );
  return {
    ok: true,
    operator: operatorOf(row.user, {
      kind: "token",
      tokenId: row.token.id,
      tokenName: row.token.name,
      scope: row.token.scope,
      issuedBy: row.issuedBy,
    }),
  };
}

/** The token's operator, or null when it is unknown, revoked, expired or its user disabled. */
export async function resolveApiToken(token: string): Promise<Operator | null> {
  const check = await checkApiToken(token);
  return check.ok ? check.operator : null;
}

/** The audit event of a token's creation or revocation, for the API and the CLI alike. */
export function tokenEvent(
  action: "token.created" | "token.revoked",
  summary: TokenSummary,
) {
  return {
    action,
    targetType: "token",
    targetId: summary.id,
    details:
      action === "token.created"
        ? {
            name: summary.name,
            owner: summary.userEmail,
            role: summary.role,
            scope: summary.scope,
            expiresAt: summary.expiresAt.toISOString(),
          }
        : { name: summary.name, owner: summary.userEmail },
  } as const;
}

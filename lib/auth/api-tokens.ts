import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { apiTokens, users } from "@/lib/db/schema";
import { ApiError } from "@/lib/http/errors";
import { operatorOf, type Operator } from "./operator";

// A recognisable prefix lets secret scanners and operators spot a leaked Erasure token.
const TOKEN_PREFIX = "era_";

const hashToken = (token: string) =>
  createHash("sha256").update(token).digest("hex");

export interface TokenSummary {
  id: string;
  name: string;
  prefix: string;
  userId: string;
  userEmail: string;
  role: Operator["role"];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Creates a token for a user; the plaintext is returned once and only its hash is stored. */
export async function createApiToken(input: {
  userId: string;
  name: string;
  createdBy?: string;
}): Promise<{ token: string; summary: TokenSummary }> {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const db = await getDb();
  const [owner] = await db
    .select()
    .from(users)
    .where(eq(users.id, input.userId));
  if (!owner) throw new ApiError("not_found", "No such user.");
  const [row] = await db
    .insert(apiTokens)
    .values({
      userId: input.userId,
      name: input.name.trim(),
      tokenHash: hashToken(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      createdBy: input.createdBy,
    })
    .returning();
  return {
    token,
    summary: { ...row!, userEmail: owner.email, role: owner.role },
  };
}

export async function listApiTokens(): Promise<TokenSummary[]> {
  const db = await getDb();
  const rows = await db
    .select({ token: apiTokens, email: users.email, role: users.role })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(({ token, email, role }) => ({
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    userId: token.userId,
    userEmail: email,
    role,
    createdAt: token.createdAt,
    lastUsedAt: token.lastUsedAt,
    revokedAt: token.revokedAt,
  }));
}

export async function revokeApiToken(id: string): Promise<void> {
  const db = await getDb();
  const [row] = await db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(eq(apiTokens.id, id));
  if (!row) throw new ApiError("not_found", "No such token.");
  await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
}

/** Resolves a Bearer token to its owner (with the owner's current role), or null. */
export async function resolveApiToken(token: string): Promise<Operator | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashToken(token)),
        isNull(apiTokens.revokedAt),
      ),
    );
  if (!row || row.user.disabled) return null;
  await db
    .update(apiTokens)
    .set({ lastUsedAt: new Date() })
    .where(eq(apiTokens.id, row.token.id));
  return operatorOf(row.user, {
    kind: "token",
    tokenId: row.token.id,
    tokenName: row.token.name,
  });
}

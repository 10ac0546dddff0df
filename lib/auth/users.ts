import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/open-db";
import { auditEvents, users, type Role, type User } from "@/lib/db/schema";
import { ApiError } from "@/lib/http/errors";
import { revokeUserApiTokens } from "./api-tokens";
import { hashPassword, requireValidNewPassword } from "./passwords";

export type PublicUser = Omit<User, "passwordHash">;

const publicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  disabled: users.disabled,
  createdAt: users.createdAt,
};

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(
  email: string,
): Promise<User | undefined> {
  const db = await getDb();
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)));
  return user;
}

export type ListedUser = PublicUser & { lastSignedInAt: Date | null };

/**
 * Every user, with when they last signed in. That comes from the audit record's `auth.signed_in`
 * events, not a column: the record already says it, and a column could disagree with it.
 */
export async function listUsers(): Promise<ListedUser[]> {
  const db = await getDb();
  // Reads only the user's own events (audit_events_target_position_idx).
  const lastSignedInAt = sql<Date | null>`(
    select max(${auditEvents.at}) from ${auditEvents}
     where ${auditEvents.targetType} = 'user'
       and ${auditEvents.targetId} = ${users.id}::text
       and ${auditEvents.action} = 'auth.signed_in')`.mapWith(
    (value: Date | string | null) => (value === null ? null : new Date(value)),
  );
  return db
    .select({ ...publicColumns, lastSignedInAt })
    .from(users)
    .orderBy(asc(users.email));
}

/** Creates a user; a taken email is a 409, a password too short or too long a 422. Pass `db` to join a transaction. */
export async function createUser(
  input: {
    email: string;
    name?: string;
    role: Role;
    password: string;
  },
  db?: Db,
): Promise<PublicUser> {
  requireValidNewPassword(input.password);
  const email = normalizeEmail(input.email);
  const target = db ?? (await getDb());
  const passwordHash = await hashPassword(input.password);
  const [created] = await target
    .insert(users)
    .values({
      email,
      name: input.name?.trim() || email.split("@")[0]!,
      role: input.role,
      passwordHash,
    })
    .onConflictDoNothing({ target: users.email })
    .returning(publicColumns);
  if (!created)
    throw new ApiError(
      "conflict",
      `A user with email ${email} already exists.`,
    );
  return created;
}

/**
 * Changes a user's role, name or disabled flag. Disabling also revokes the user's API tokens, in
 * the same transaction, so that enabling them later does not revive a token that may have
 * leaked meanwhile. Pass `db` to join a transaction.
 */
export async function updateUser(
  id: string,
  changes: { role?: Role; disabled?: boolean; name?: string },
  db?: Db,
): Promise<PublicUser> {
  if (!db)
    return (await getDb()).transaction((tx) =>
      updateUser(id, changes, tx as unknown as Db),
    );
  const [updated] = await db
    .update(users)
    .set(changes)
    .where(eq(users.id, id))
    .returning(publicColumns);
  if (!updated) throw new ApiError("not_found", "No such user.");
  if (changes.disabled) await revokeUserApiTokens(id, db);
  return updated;
}

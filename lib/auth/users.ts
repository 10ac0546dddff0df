import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { users, type Role, type User } from "@/lib/db/schema";
import { ApiError } from "@/lib/http/errors";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./passwords";

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

export async function listUsers(): Promise<PublicUser[]> {
  const db = await getDb();
  return db.select(publicColumns).from(users).orderBy(asc(users.email));
}

/** Creates a user; a taken email is a 409, a short password a 422. */
export async function createUser(input: {
  email: string;
  name?: string;
  role: Role;
  password: string;
}): Promise<PublicUser> {
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new ApiError(
      "unprocessable",
      `Password must be at least ${MIN_PASSWORD_LENGTH} characters.`,
    );
  }
  const email = normalizeEmail(input.email);
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  const [created] = await db
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

export async function updateUser(
  id: string,
  changes: { role?: Role; disabled?: boolean; name?: string },
): Promise<PublicUser> {
  const db = await getDb();
  const [updated] = await db
    .update(users)
    .set(changes)
    .where(eq(users.id, id))
    .returning(publicColumns);
  if (!updated) throw new ApiError("not_found", "No such user.");
  return updated;
}

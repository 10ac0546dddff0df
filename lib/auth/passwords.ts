import "server-only";
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import { ApiError } from "@/lib/http/errors";
import { newPasswordSchema } from "./schemas";

// bcryptjs is pure JavaScript (no native build to break on a newcomer's machine); cost 11 takes
// ~150 ms here, slow enough to hurt offline guessing without making sign-in sluggish.
const COST = 11;

/**
 * Throws a 422 with the rule it breaks unless `password` may be set (lib/auth/schemas.ts): the
 * check for callers that did not come through a route's schema, such as the CLI.
 */
export function requireValidNewPassword(password: string): void {
  const result = newPasswordSchema.safeParse(password);
  if (!result.success)
    throw new ApiError(
      "unprocessable",
      result.error.issues[0]?.message ?? "Invalid password.",
    );
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(
  password: string,
  hash: string,
): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** A random password for accounts created without one (printed once by the CLI). */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}

let dummyHash: Promise<string> | undefined;

/** Compared against when the email is unknown so that timing does not reveal which accounts exist. */
export function verifyAgainstDummy(password: string): Promise<boolean> {
  dummyHash ??= bcrypt.hash(randomBytes(16).toString("hex"), COST);
  return dummyHash.then((hash) => bcrypt.compare(password, hash));
}

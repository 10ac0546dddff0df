import "server-only";
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";

// bcryptjs is pure JavaScript (no native build to break on a newcomer's machine); cost 11 takes
// ~150 ms here, slow enough to hurt offline guessing without making sign-in sluggish.
const COST = 11;
export const MIN_PASSWORD_LENGTH = 12;

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

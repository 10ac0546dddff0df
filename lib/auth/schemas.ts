import { z } from "zod";
import { roles } from "./roles";
import { tokenScopes } from "./token-scopes";

export const roleSchema = z.enum(roles);

export const MIN_PASSWORD_LENGTH = 12;
/** bcrypt reads only the first 72 bytes of a password and silently ignores the rest. */
export const MAX_PASSWORD_BYTES = 72;

/** Bytes of `password` in UTF-8, what bcrypt counts (TextEncoder: the browser has no Buffer). */
export function passwordBytes(password: string): number {
  return new TextEncoder().encode(password).length;
}

/** Every password a person sets: at least 12 characters, at most what bcrypt actually reads. */
export const newPasswordSchema = z
  .string()
  .min(
    MIN_PASSWORD_LENGTH,
    `Password must be at least ${MIN_PASSWORD_LENGTH} characters.`,
  )
  .refine(
    (password) => passwordBytes(password) <= MAX_PASSWORD_BYTES,
    `Password must be at most ${MAX_PASSWORD_BYTES} bytes in UTF-8, which bcrypt reads in full: ${MAX_PASSWORD_BYTES} ASCII characters, fewer with accented letters, other scripts or emoji (2–4 bytes each).`,
  );

export const createUserBodySchema = z.object({
  email: z.email().max(320),
  name: z.string().trim().max(200).optional(),
  role: roleSchema,
  password: newPasswordSchema,
});
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

export const updateUserBodySchema = z
  .object({
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, "Nothing to change.");
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;

export const userIdParamsSchema = z.object({ userId: z.uuid() });

export const changePasswordBodySchema = z.object({
  // Not held to today's rules: an older password may be longer than bcrypt reads.
  currentPassword: z.string().min(1).max(1024),
  newPassword: newPasswordSchema,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

export const resetPasswordBodySchema = z.object({
  newPassword: newPasswordSchema,
});
export type ResetPasswordBody = z.infer<typeof resetPasswordBodySchema>;

export const tokenScopeSchema = z.enum(tokenScopes);

export const createTokenBodySchema = z.object({
  name: z.string().trim().min(1, "Give the token a name.").max(100),
  userId: z.uuid().optional(),
  /** `operate` when omitted, as tokens were before scopes existed. */
  scope: tokenScopeSchema.optional(),
  /** 90 when omitted; the server refuses more than ERASURE_TOKEN_MAX_DAYS. */
  expiresInDays: z
    .number()
    .int("Give the lifetime in whole days.")
    .min(1, "A token lives at least 1 day.")
    .max(3650, "A token lives at most 3650 days.")
    .optional(),
});
export type CreateTokenBody = z.infer<typeof createTokenBodySchema>;

export const tokenIdParamsSchema = z.object({ tokenId: z.uuid() });

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  createdAt: z.coerce.date(),
  /** From the audit record's last `auth.signed_in` event; null if they never have. */
  lastSignedInAt: z.coerce.date().nullable(),
});
export type UserEntry = z.infer<typeof userSchema>;

export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  userId: z.string(),
  userEmail: z.string(),
  role: roleSchema,
  scope: tokenScopeSchema,
  issuedBy: z.string().nullable(),
  status: z.enum(["active", "expired", "revoked"]),
  createdAt: z.coerce.date(),
  expiresAt: z.coerce.date(),
  lastUsedAt: z.coerce.date().nullable(),
  revokedAt: z.coerce.date().nullable(),
});

// Answers of the users and tokens endpoints, as the admin pages check them.
export const usersResponseSchema = z.object({ users: z.array(userSchema) });
export const tokensResponseSchema = z.object({ tokens: z.array(tokenSchema) });
/** The new token's secret, shown once. */
export const createdTokenResponseSchema = z.object({ token: z.string() });

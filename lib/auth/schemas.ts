import { z } from "zod";
import { roles } from "./roles";

export const roleSchema = z.enum(roles);

export const createUserBodySchema = z.object({
  email: z.email().max(320),
  name: z.string().trim().max(200).optional(),
  role: roleSchema,
  password: z
    .string()
    .min(12, "Password must be at least 12 characters.")
    .max(1024),
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

export const createTokenBodySchema = z.object({
  name: z.string().trim().min(1, "Give the token a name.").max(100),
  userId: z.uuid().optional(),
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
});

export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  userId: z.string(),
  userEmail: z.string(),
  role: roleSchema,
  createdAt: z.coerce.date(),
  lastUsedAt: z.coerce.date().nullable(),
  revokedAt: z.coerce.date().nullable(),
});

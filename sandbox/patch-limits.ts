import type { z } from "zod";

/**
 * A provider's switches after `PUT /__sandbox/limits`: the patch is validated against the
 * provider's schema and merged, or refused with one readable line naming each bad field.
 */
export function patchLimits<T extends object>(
  schema: z.ZodType<Partial<T>>,
  current: T,
  patch: unknown,
): { limits: T } | { error: string } {
  const parsed = schema.safeParse(patch);
  if (!parsed.success) {
    return {
      error: parsed.error.issues
        .map((issue) => `${issue.path.join(".") || "patch"}: ${issue.message}`)
        .join("; "),
    };
  }
  return { limits: { ...current, ...parsed.data } };
}

import type { z } from "zod";
import type { ProviderSandbox } from "./types";

/**
 * A provider's switches after `PUT /__sandbox/limits`: the patch is validated against the
 * provider's schema and merged, or refused with one readable line naming each bad field.
 */
function patchLimits<T extends object>(
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

/**
 * A fake's `limits()` and `configure()` over its switches, which `read` answers and `write`
 * replaces: the fake keeps them in a local that it reads on every request.
 */
export function limitsControl<T extends object>(
  schema: z.ZodType<Partial<T>>,
  read: () => T,
  write: (limits: T) => void,
): Required<Pick<ProviderSandbox, "limits" | "configure">> {
  return {
    limits: () => ({ ...read() }) as Record<string, unknown>,
    configure(patch) {
      const result = patchLimits(schema, read(), patch);
      if ("error" in result) return result.error;
      write(result.limits);
      return null;
    },
  };
}

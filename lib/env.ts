import "server-only";
import path from "node:path";
import { z } from "zod";

const optionalUrl = z.url().optional();
const positiveInt = (fallback: number) =>
  z.coerce.number().int().positive().default(fallback);
const blankAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const flag = z
  .enum(["1", "0", "true", "false", ""])
  .default("")
  .transform((value) => value === "1" || value === "true");

const envSchema = z
  .object({
    NODE_ENV: z
      .enum(["development", "production", "test"])
      .default("development"),
    DATABASE_URL: z.preprocess(
      blankAsUndefined,
      z.url().startsWith("postgres").optional(),
    ),
    ERASURE_DATA_DIR: z.string().min(1).default(".data"),
    AUTH_SECRET: z.preprocess(blankAsUndefined, z.string().min(32).optional()),
    NEXTAUTH_SECRET: z.preprocess(
      blankAsUndefined,
      z.string().min(32).optional(),
    ),
    NEXTAUTH_URL: z.preprocess(blankAsUndefined, optionalUrl),
    ERASURE_SESSION_IDLE_MINUTES: positiveInt(30),
    ERASURE_SESSION_MAX_HOURS: positiveInt(12),
    ERASURE_LOGIN_MAX_FAILURES: positiveInt(5),
    ERASURE_LOGIN_WINDOW_MINUTES: positiveInt(15),
    /** Reverse proxies in front of the console that append to X-Forwarded-For (lib/http/client-ip.ts). */
    ERASURE_TRUSTED_PROXIES: z.preprocess(
      blankAsUndefined,
      z.coerce.number().int().min(0).max(10).default(0),
    ),
    ERASURE_MAX_IDS_PER_RUN: positiveInt(100_000),
    ERASURE_MAX_ACTIVE_RUNS_PER_USER: positiveInt(3),
    ERASURE_PREVIEW_LOOKUP_LIMIT: positiveInt(5_000),
    ERASURE_LEASE_SECONDS: positiveInt(120),
    ERASURE_MAX_ATTEMPTS: positiveInt(8),
    ERASURE_PROCESSING_RETRY_HOURS: positiveInt(24),
    ERASURE_PROCESSING_RETRY_MINUTES: positiveInt(5),
    /** Ed25519 private key (PEM, or base64 of PKCS#8 DER) that signs audit checkpoints. */
    ERASURE_AUDIT_SIGNING_KEY: z.preprocess(
      blankAsUndefined,
      z.string().min(40).optional(),
    ),
    /** Where each signed checkpoint is also written as a file (default: <ERASURE_DATA_DIR>/checkpoints). */
    ERASURE_CHECKPOINT_DIR: z.preprocess(
      blankAsUndefined,
      z.string().min(1).optional(),
    ),
    ERASURE_CHECKPOINT_MINUTES: positiveInt(5),
    /** Longest lifetime an API token may be given; the default (90 days) is capped by it. */
    ERASURE_TOKEN_MAX_DAYS: z.preprocess(
      blankAsUndefined,
      z.coerce.number().int().min(1).max(3650).default(365),
    ),
    /** The console connects as a role that may not migrate: check the schema instead of migrating. */
    ERASURE_SKIP_MIGRATIONS: flag,
    ERASURE_WORKER: z.enum(["on", "off"]).default("on"),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
      .default("info"),
    AKOOL_API_KEY: z.string().optional(),
    AKOOL_CLIENT_ID: z.string().optional(),
    AKOOL_CLIENT_SECRET: z.string().optional(),
    AKOOL_BASE_URL: z.url().default("https://openapi.akool.com"),
    AKOOL_MAX_BATCH: z.preprocess(
      blankAsUndefined,
      z.coerce.number().int().min(1).max(1000).optional(),
    ),
    MEMORIES_API_KEY: z.string().optional(),
    MEMORIES_BASE_URL: z.url().default("https://api.memories.ai"),
    MEMORIES_UNIQUE_ID: z.string().min(1).default("default"),
    MEMORIES_API_VERSION: z.enum(["v1", "v1.1"]).default("v1"),
    VOD_ACCESS_KEY_ID: z.string().optional(),
    VOD_ACCESS_KEY_SECRET: z.string().optional(),
    VOD_REGION: z.string().default("cn-shanghai"),
    VOD_APP_ID: z.preprocess(blankAsUndefined, z.string().optional()),
    VOD_ENDPOINT: z.preprocess(blankAsUndefined, optionalUrl),
    IMAGINE_API_KEY: z.string().optional(),
    IMAGINE_BASE_URL: z.url().default("https://api.vyro.ai"),
    IMAGINE_DELETE_METHOD: z.preprocess(
      blankAsUndefined,
      z.enum(["DELETE", "POST"]).optional(),
    ),
    IMAGINE_DELETE_PATH: z.preprocess(
      blankAsUndefined,
      z.string().includes("{id}").optional(),
    ),
    IMAGINE_STATUS_PATH: z.preprocess(
      blankAsUndefined,
      z.string().includes("{id}").optional(),
    ),
    IMAGINE_RATE_PER_MINUTE: z.preprocess(
      blankAsUndefined,
      z.coerce.number().int().positive().optional(),
    ),
    PROVIDER_TIMEOUT_MS: positiveInt(15_000),
  })
  .transform((raw) => ({
    ...raw,
    authSecret: raw.AUTH_SECRET ?? raw.NEXTAUTH_SECRET,
    checkpointDir:
      raw.ERASURE_CHECKPOINT_DIR ??
      path.join(raw.ERASURE_DATA_DIR, "checkpoints"),
  }));

export type Env = z.infer<typeof envSchema>;

/** Thrown when the environment is invalid; the message names every bad variable. */
export class EnvError extends Error {
  override name = "EnvError";
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `  ${issue.path.join(".")}: ${issue.message}`,
    );
    throw new EnvError(
      `Invalid environment configuration:\n${lines.join("\n")}`,
    );
  }
  return result.data;
}

let cached: Env | undefined;

/**
 * The parsed environment. Parsed on first use (not at import) so that `next build` can import
 * route modules without production secrets; `instrumentation.ts` calls it at start-up so that a
 * bad value still stops the server before it serves anything.
 */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The session-signing secret; the server needs it, command-line tools that only touch the database do not. */
export function getAuthSecret(): string {
  const secret = getEnv().authSecret;
  if (!secret) {
    throw new EnvError(
      "Invalid environment configuration:\n  AUTH_SECRET: is required (at least 32 characters; `openssl rand -base64 32` makes one)",
    );
  }
  return secret;
}

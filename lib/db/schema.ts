import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
// Relative imports: drizzle-kit loads this file without the `@/` alias.
import { auditActions } from "../audit/actions";
import { roles, type Role } from "../auth/roles";
import { tokenScopes } from "../auth/token-scopes";
import { idKinds } from "../providers/types";
import { preStates, rowOutcomes, runStatuses } from "../runs/vocabulary";

export const roleEnum = pgEnum("role", roles);

const createdAt = () =>
  timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: roleEnum("role").notNull(),
  passwordHash: text("password_hash").notNull(),
  disabled: boolean("disabled").notNull().default(false),
  createdAt: createdAt(),
});

/**
 * Server-side record of every browser session. The next-auth JWT only carries this row's ID, so
 * signing out, idle expiry and disabling a user take effect on the next request (a replayed
 * cookie finds a revoked row).
 */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true })
      .notNull()
      .defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (table) => [index("sessions_user_idx").on(table.userId)],
);

export const tokenScopeEnum = pgEnum("token_scope", tokenScopes);

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    /** sha256 of the token; tokens carry 256 random bits, so a slow hash adds nothing. */
    tokenHash: text("token_hash").notNull().unique(),
    /** First characters, shown in lists so an operator can tell tokens apart. */
    prefix: text("prefix").notNull(),
    /** The admin who issued it; null when issued from the command line. */
    createdBy: uuid("created_by").references(() => users.id),
    /** `read` tokens may only GET; `operate` tokens act with their user's current role. */
    scope: tokenScopeEnum("scope").notNull(),
    createdAt: createdAt(),
    /** A leaked token stops working by itself; at most ERASURE_TOKEN_MAX_DAYS after creation. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [index("api_tokens_user_idx").on(table.userId)],
);

/**
 * Facts about the database itself. `demo`: seeded by `npm run demo` (known passwords), so the
 * demo may seed it again; the demo refuses any other database that already has users.
 */
export const databaseMarks = pgTable("database_marks", {
  name: text("name").primaryKey(),
  createdAt: createdAt(),
});

/** Failed and successful sign-ins, kept in the database so every console instance slows the same attacker. */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    email: text("email").notNull(),
    ip: text("ip"),
    succeeded: boolean("succeeded").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("login_attempts_email_at_idx").on(table.email, table.at),
    index("login_attempts_ip_at_idx")
      .on(table.ip, table.at)
      .where(sql`${table.ip} is not null`),
  ],
);

export const runStatusEnum = pgEnum("run_status", runStatuses);
export const rowOutcomeEnum = pgEnum("row_outcome", rowOutcomes);

export const runs = pgTable(
  "runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    provider: text("provider").notNull(),
    /** What the items' IDs name: provider video IDs or customer reference IDs (VOD). */
    idKind: text("id_kind", { enum: idKinds }).notNull().default("video"),
    status: runStatusEnum("status").notNull().default("queued"),
    /** Why a run is paused or aborted ("credentials rejected by …"). */
    statusReason: text("status_reason"),
    /** A paused run resumes by itself at this time. */
    resumeAt: timestamp("resume_at", { withTimezone: true }),
    total: integer("total").notNull(),
    confirmation: text("confirmation").notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    tokenId: uuid("token_id").references(() => apiTokens.id),
    /** `browser` or the API token's name, kept even if the token is later revoked or renamed. */
    startedVia: text("started_via").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    idempotencyKey: text("idempotency_key"),
    requestHash: text("request_hash").notNull(),
    createdAt: createdAt(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    cancelRequestedAt: timestamp("cancel_requested_at", { withTimezone: true }),
    /** `processing` rows are re-attempted every interval until this deadline ("retry these later"). */
    processingRetryUntil: timestamp("processing_retry_until", {
      withTimezone: true,
    }),
    processingRetryIntervalSeconds: integer(
      "processing_retry_interval_seconds",
    ),
    /**
     * How many of the run's items have each outcome, kept by the database itself: a statement
     * trigger on run_items adds what every insert, update or delete changed (migrations 0008, 0009), so
     * the run page reads a run's counts in O(1) however many items it has.
     */
    itemsPending: integer("items_pending").notNull().default(0),
    itemsDeleted: integer("items_deleted").notNull().default(0),
    itemsForbidden: integer("items_forbidden").notNull().default(0),
    itemsNotFound: integer("items_not_found").notNull().default(0),
    itemsProcessing: integer("items_processing").notNull().default(0),
    itemsFailed: integer("items_failed").notNull().default(0),
    /** Never sent on purpose: cancelled first, or excluded by the operator (migration 0009). */
    itemsSkipped: integer("items_skipped").notNull().default(0),
  },
  (table) => [
    uniqueIndex("runs_idempotency_idx").on(
      table.createdBy,
      table.idempotencyKey,
    ),
    index("runs_status_idx").on(table.status),
    index("runs_created_at_idx").on(table.createdAt),
  ],
);

/**
 * One row per distinct video ID of a run, written with the run before any provider call.
 * `attempts` doubles as the fencing token: an outcome is written only by the holder of the
 * current attempt's lease.
 */
export const runItems = pgTable(
  "run_items",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => runs.id),
    videoId: text("video_id").notNull(),
    outcome: rowOutcomeEnum("outcome").notNull().default("pending"),
    code: text("code"),
    message: text("message"),
    raw: text("raw"),
    attempts: integer("attempts").notNull().default(0),
    leaseOwner: text("lease_owner"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    /**
     * What a look-up said just before this item was last sent (docs/design.md §2, G1–G3):
     * `present` (this account's), `absent` (no such video, or invisible to this account) or
     * `foreign` (visible but another account's). Written, with `in_doubt`, before the call.
     */
    preState: text("pre_state", { enum: preStates }),
    preStateAt: timestamp("pre_state_at", { withTimezone: true }),
    /**
     * A delete call holding this ID may have reached the provider and its answer is not recorded:
     * the next attempt settles it from `pre_state` and a fresh look-up, never by guessing.
     */
    inDoubt: boolean("in_doubt").notNull().default(false),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true })
      .notNull()
      .defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.runId, table.videoId] }),
    // A run's rows of one outcome in video-ID order (the run page's outcome filter, exports). With
    // video_id in it, looking rows up by (run, video ID, outcome) stays one index probe each even
    // on PGlite, which never gathers statistics to prefer the primary key.
    index("run_items_run_outcome_video_idx").on(
      table.runId,
      table.outcome,
      table.videoId,
    ),
    // "Was video X deleted?" looks a video up across every run.
    index("run_items_video_idx").on(table.videoId),
    // A claim reads the oldest due pending rows of one run: O(batch), however large the run.
    index("run_items_pending_due_idx")
      .on(table.runId, table.nextAttemptAt)
      .where(sql`${table.outcome} = 'pending'`),
  ],
);

/**
 * Rate state shared by every console instance (docs/design.md §5). Provider budgets
 * (`<provider>:…` keys) keep their next free send slot in `updated_at` and leave `tokens` at 0
 * (lib/runs/worker/rate-limit.ts); the sign-in audit (`sign-in-failed:…` keys) keeps its
 * unreported failure counts and its shared event budget in `tokens` (lib/auth/sign-in-audit.ts).
 */
export const rateBuckets = pgTable("rate_buckets", {
  key: text("key").primaryKey(),
  tokens: doublePrecision("tokens").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true })
    .notNull()
    .defaultNow(),
});

export const auditActionEnum = pgEnum("audit_action", auditActions);

/**
 * Append-only, hash-chained event log (docs/design.md §6): `hash = sha256(prev_hash ‖ canonical
 * JSON of the event)`, positions contiguous from 1. Triggers (migration 0004) refuse UPDATE,
 * DELETE and TRUNCATE; appends are serialised by an advisory lock so the chain stays linear.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    position: bigint("position", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true, mode: "string" }).notNull(),
    actorId: uuid("actor_id"),
    /** Email, token name or `system`, kept as text so the record outlives the account. */
    actor: text("actor").notNull(),
    action: auditActionEnum("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    details: jsonb("details").notNull(),
    requestId: text("request_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (table) => [
    index("audit_events_at_idx").on(table.at),
    // A run's timeline: its events in chain order, without reading anyone else's.
    index("audit_events_target_position_idx").on(
      table.targetType,
      table.targetId,
      table.position,
    ),
  ],
);

export type User = typeof users.$inferSelect;
export type { Role };

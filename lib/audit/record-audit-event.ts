import "server-only";
import { desc, sql } from "drizzle-orm";
import { z } from "zod";
import { describeActor, type Operator } from "@/lib/auth/operator";
import { getDb } from "@/lib/db/client";
import type { Db } from "@/lib/db/open-db";
import { auditEvents } from "@/lib/db/schema";
import { clientIp } from "@/lib/http/client-ip";
import { auditActions } from "./actions";
import { eventHash, GENESIS_HASH, type ChainedEvent } from "./chain";
import {
  IP_MAX,
  recordableRequest,
  REQUEST_ID_MAX,
  USER_AGENT_MAX,
} from "./request-metadata";

// Any constant works; every console instance must use the same one.
const AUDIT_APPEND_LOCK = 7_201_946_114;

const auditInputSchema = z.object({
  action: z.enum(auditActions),
  actorId: z.string().uuid().nullable(),
  // A token's actor names its user and its issuer: two emails and the token's name.
  actor: z.string().min(1).max(1000),
  targetType: z.string().max(40).nullable(),
  targetId: z.string().max(400).nullable(),
  details: z.record(z.string(), z.unknown()),
  requestId: z.string().max(REQUEST_ID_MAX).nullable(),
  ip: z.string().max(IP_MAX).nullable(),
  userAgent: z.string().max(USER_AGENT_MAX).nullable(),
});
export type AuditInput = z.infer<typeof auditInputSchema>;

/** One event as callers describe it; the target and details are optional. */
export type AuditEventInput = Omit<
  AuditInput,
  "targetType" | "targetId" | "details"
> & {
  targetType?: string | null;
  targetId?: string | null;
  details?: Record<string, unknown>;
};

/** Who did it and through which request, from a route handler's context. */
export function auditContext(
  operator: Operator | null,
  request?: { requestId?: string; ip?: string; userAgent?: string | null },
) {
  return {
    actorId: operator?.id ?? null,
    actor: operator ? describeActor(operator) : "system",
    ...recordableRequest(request ?? {}),
  };
}

/**
 * Appends one event to the chain. The advisory lock (held to the end of the transaction)
 * serialises appends from every console instance, so positions stay contiguous and each event
 * links to the one before it. Pass `tx` to append inside the caller's transaction. Request
 * metadata is trimmed to what the log keeps (lib/audit/request-metadata.ts), never refused.
 */
export async function recordAuditEvent(
  input: AuditEventInput,
  tx?: Db,
): Promise<number> {
  const parsed = auditInputSchema.parse({
    targetType: null,
    targetId: null,
    details: {},
    ...input,
    ...recordableRequest(input),
  });
  const append = async (db: Db) => {
    await db.execute(sql`select pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`);
    const [last] = await db
      .select({ position: auditEvents.position, hash: auditEvents.hash })
      .from(auditEvents)
      .orderBy(desc(auditEvents.position))
      .limit(1);
    const event = {
      position: (last?.position ?? 0) + 1,
      at: new Date().toISOString(),
      ...parsed,
    } satisfies ChainedEvent;
    const prevHash = last?.hash ?? GENESIS_HASH;
    await db
      .insert(auditEvents)
      .values({ ...event, prevHash, hash: eventHash(prevHash, event) });
    return event.position;
  };
  if (tx) return append(tx);
  const db = await getDb();
  return db.transaction((inner) => append(inner as unknown as Db));
}

/** The audit context of a route handler call (operator, request ID, IP, user agent). */
export function requestAudit(ctx: {
  operator: Operator;
  requestId: string;
  req: Request;
}) {
  return auditContext(ctx.operator, {
    requestId: ctx.requestId,
    ip: clientIp(ctx.req.headers) ?? undefined,
    userAgent: ctx.req.headers.get("user-agent"),
  });
}

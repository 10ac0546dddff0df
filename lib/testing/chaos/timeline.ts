// Test-only: the story of one wrong ID, so a chaos failure can be understood from its message
// alone: every call, audit entry and worker start or kill around it, in time order.
import type { ProviderId } from "@/lib/providers/types";
import type { WorkerEvent } from "./drive";
import type { AuditItem, RowRecord } from "./record";
import { truthKey, type SandboxCall } from "./truth";

const clock = (ms: number) => new Date(ms).toISOString().slice(11, 23);

/**
 * What happened to one ID, in time order: every provider call naming it, every audit entry for
 * it, the worker starts and kills in between, and the row's final state.
 */
export function timeline(input: {
  provider: ProviderId;
  id: string;
  calls: SandboxCall[];
  audit: AuditItem[];
  events: WorkerEvent[];
  row?: RowRecord;
}): string[] {
  const key = truthKey(input.provider, input.id);
  const entries: { at: number; seq: number; text: string }[] = [];
  for (const call of input.calls) {
    if (!call.ids.some((id) => truthKey(input.provider, id) === key)) continue;
    const answer = call.fault
      ? `fault ${call.fault}${call.status ? ` (HTTP ${call.status})` : ""}`
      : `HTTP ${call.status}`;
    entries.push({
      at: call.at,
      seq: call.seq,
      text: `call #${call.seq} ${call.operation} (${call.ids.length} IDs) → ${answer}`,
    });
  }
  for (const item of input.audit) {
    if (item.videoId !== input.id || item.at === undefined) continue;
    entries.push({
      at: item.at,
      seq: Infinity,
      text: `audit: ${item.actor} attempt ${item.attempt} → ${item.outcome}${item.code ? ` (${item.code})` : ""}`,
    });
  }
  if (input.row) {
    const { row } = input;
    entries.push({
      at: Number(row.terminal_ms),
      seq: Infinity,
      text: `row now ${row.outcome}${row.code ? ` (${row.code})` : ""}, attempts ${row.attempts}, pre_state ${row.pre_state}`,
    });
  }
  if (entries.length === 0) return [];
  const first = Math.min(...entries.map((entry) => entry.at));
  const last = Math.max(...entries.map((entry) => entry.at));
  for (const event of input.events)
    if (event.at >= first - 5_000 && event.at <= last)
      entries.push({ at: event.at, seq: -1, text: event.what });
  return entries
    .sort((a, b) => a.at - b.at || a.seq - b.seq)
    .map((entry) => `${clock(entry.at)} ${entry.text}`);
}

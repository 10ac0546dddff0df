import "server-only";
import { streamRows } from "@/lib/http/export-stream";
import { iterateRunItems } from "./read-runs";
import type { RunRowFilter } from "./schemas";

const COLUMNS = [
  "videoId",
  "outcome",
  "code",
  "message",
  "attempts",
  "updatedAt",
] as const;

/** Streams a run's rows as CSV or a JSON array, page by page, never holding all rows. */
export function exportRunItems(
  runId: string,
  format: "csv" | "json",
  filter: RunRowFilter = {},
): ReadableStream<Uint8Array> {
  return streamRows(iterateRunItems(runId, filter), COLUMNS, format);
}

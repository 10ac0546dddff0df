import "server-only";
import Papa from "papaparse";
import { iterateRunItems } from "./read-runs";
import type { RunItem } from "./schemas";

const COLUMNS = [
  "videoId",
  "outcome",
  "code",
  "message",
  "attempts",
  "updatedAt",
] as const;

// Spreadsheet apps execute cells that start with these; provider messages are untrusted text.
const neutralise = (value: string) =>
  /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;

function csvRow(item: RunItem): string {
  return Papa.unparse(
    [
      COLUMNS.map((column) =>
        column === "updatedAt"
          ? item.updatedAt.toISOString()
          : neutralise(String(item[column] ?? "")),
      ),
    ],
    { header: false, newline: "\r\n" },
  );
}

/** Streams a run's rows as CSV or a JSON array, page by page, never holding all rows. */
export function exportRunItems(
  runId: string,
  format: "csv" | "json",
  outcome?: RunItem["outcome"],
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const items = iterateRunItems(runId, outcome);
  let first = true;
  return new ReadableStream({
    async start(controller) {
      controller.enqueue(
        encoder.encode(format === "csv" ? `${COLUMNS.join(",")}\r\n` : "["),
      );
    },
    async pull(controller) {
      const next = await items.next();
      if (next.done) {
        if (format === "json") controller.enqueue(encoder.encode("]"));
        controller.close();
        return;
      }
      const chunk =
        format === "csv"
          ? `${csvRow(next.value)}\r\n`
          : `${first ? "" : ","}${JSON.stringify(next.value)}`;
      first = false;
      controller.enqueue(encoder.encode(chunk));
    },
  });
}

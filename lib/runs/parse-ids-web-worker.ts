// Web Worker: splits, validates and de-duplicates pasted IDs, and reads CSV files, off the main
// thread so that a million pasted lines never freeze the tab. It calls the very functions the
// server uses (parse-ids.ts, id-formats.ts), so the counts shown are the counts the server finds.
import { idFormatFor } from "@/lib/providers/id-formats";
import type { IdKind, ProviderId } from "@/lib/providers/types";
import {
  describeCsv,
  extractColumn,
  parseCsvRows,
  type CsvLayout,
} from "./csv-ids";
import { parseIds, splitIds, type MalformedRow } from "./parse-ids";

/** Malformed rows sent back to the page; it lists only the first few anyway. */
const MALFORMED_SENT = 100;

export type ParseWorkerRequest =
  | {
      type: "text";
      requestId: number;
      provider: ProviderId;
      idKind: IdKind;
      text: string;
    }
  | {
      type: "csv";
      requestId: number;
      provider: ProviderId;
      idKind: IdKind;
      text: string;
      /** Column to extract; the worker guesses one when absent. */
      column?: number;
    };

export interface ParsedIdsSummary {
  /** Distinct well-formed IDs, in input order. */
  valid: string[];
  duplicateCount: number;
  /** The first malformed rows, with their reason. */
  malformed: MalformedRow[];
  malformedCount: number;
  tokenCount: number;
}

export type ParseWorkerResponse =
  | { type: "text"; requestId: number; result: ParsedIdsSummary }
  | {
      type: "csv";
      requestId: number;
      layout: CsvLayout;
      column: number;
      rowCount: number;
      /** The chosen column's cells, one per line, ready for the "Video IDs" box. */
      text: string;
    }
  | { type: "error"; requestId: number; message: string };

function handle(request: ParseWorkerRequest): ParseWorkerResponse {
  const format = idFormatFor(request.provider, request.idKind);
  if (!format) throw new Error("This provider has no such kind of ID.");
  if (request.type === "text") {
    const tokens = splitIds(request.text);
    const parsed = parseIds(tokens, format);
    return {
      type: "text",
      requestId: request.requestId,
      result: {
        valid: parsed.valid,
        duplicateCount: parsed.duplicateCount,
        malformed: parsed.malformed.slice(0, MALFORMED_SENT),
        malformedCount: parsed.malformedCount,
        tokenCount: tokens.length,
      },
    };
  }
  const rows = parseCsvRows(request.text);
  const layout = describeCsv(rows, format.pattern);
  const column = request.column ?? layout.guess;
  const cells = extractColumn(rows, column, layout.hasHeader);
  return {
    type: "csv",
    requestId: request.requestId,
    layout,
    column,
    rowCount: rows.length - (layout.hasHeader ? 1 : 0),
    text: cells.join("\n"),
  };
}

// Typed locally: the project's TypeScript lib is "dom", not "webworker".
const scope = self as unknown as {
  addEventListener(
    type: "message",
    listener: (event: MessageEvent<ParseWorkerRequest>) => void,
  ): void;
  postMessage(message: ParseWorkerResponse): void;
};

scope.addEventListener("message", (event) => {
  try {
    scope.postMessage(handle(event.data));
  } catch (error) {
    scope.postMessage({
      type: "error",
      requestId: event.data.requestId,
      message: error instanceof Error ? error.message : String(error),
    });
  }
});

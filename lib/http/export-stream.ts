import "server-only";
import Papa from "papaparse";

// Spreadsheet apps execute cells that start with these; IDs, actors and provider messages are
// untrusted text.
function cell(value: unknown): string {
  const text =
    value === null || value === undefined
      ? ""
      : value instanceof Date
        ? value.toISOString()
        : typeof value === "string"
          ? value
          : typeof value === "object"
            ? JSON.stringify(value)
            : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * Streams rows as CSV (header first) or as a JSON array, pulling one row at a time from the
 * generator, so a 100,000-row export never holds all rows in memory.
 */
export function streamRows<T extends object>(
  rows: AsyncGenerator<T>,
  columns: readonly (keyof T & string)[],
  format: "csv" | "json",
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let first = true;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(
        encoder.encode(format === "csv" ? `${columns.join(",")}\r\n` : "["),
      );
    },
    async pull(controller) {
      const next = await rows.next();
      if (next.done) {
        if (format === "json") controller.enqueue(encoder.encode("]"));
        controller.close();
        return;
      }
      const chunk =
        format === "csv"
          ? `${Papa.unparse([columns.map((column) => cell(next.value[column]))], { header: false })}\r\n`
          : `${first ? "" : ","}${JSON.stringify(next.value)}`;
      first = false;
      controller.enqueue(encoder.encode(chunk));
    },
  });
}

/** An export as a download: the format's content type and the file name to save it as. */
export function exportResponse(
  body: ReadableStream<Uint8Array> | string,
  format: "csv" | "json",
  fileName: string,
): Response {
  return new Response(body, {
    headers: {
      "content-type":
        format === "csv"
          ? "text/csv; charset=utf-8"
          : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}.${format}"`,
    },
  });
}

import { describe, expect, it } from "vitest";
import { idFormats } from "@/lib/providers/id-formats";
import {
  describeCsv,
  detectHeader,
  extractColumn,
  parseCsvRows,
} from "./csv-ids";

const vod = idFormats.vod.pattern;
const a = "5aed81b74ba84920be578cdfe004af4b";
const b = "0123456789abcdef0123456789abcdef";

describe("parseCsvRows", () => {
  it("handles quotes, a BOM, CRLF and blank lines", () => {
    const rows = parseCsvRows(
      `\uFEFFname,id\r\n"Hello, world",${a}\r\n\r\n"x",${b}\r\n`,
    );
    expect(rows).toEqual([
      ["name", "id"],
      ["Hello, world", a],
      ["x", b],
    ]);
  });

  it("detects a semicolon delimiter", () => {
    expect(parseCsvRows(`title;video\nx;${a}\n`)).toEqual([
      ["title", "video"],
      ["x", a],
    ]);
  });
});

describe("describeCsv", () => {
  it("finds the header and guesses the column holding IDs", () => {
    const rows = parseCsvRows(
      `title,VideoId,status\nx,${a},Normal\ny,${b},Normal\n`,
    );
    const layout = describeCsv(rows, vod);
    expect(layout.hasHeader).toBe(true);
    expect(layout.columns.map((c) => c.name)).toEqual([
      "title",
      "VideoId",
      "status",
    ]);
    expect(layout.guess).toBe(1);
    expect(layout.columns[1]!.matches).toBe(2);
  });

  it("treats a file without a header as data and names columns by position", () => {
    const rows = parseCsvRows(`${a},one\n${b},two\n`);
    const layout = describeCsv(rows, vod);
    expect(layout.hasHeader).toBe(false);
    expect(layout.columns.map((c) => c.name)).toEqual(["Column 1", "Column 2"]);
    expect(layout.guess).toBe(0);
  });

  it("prefers a column named like an ID when nothing matches", () => {
    const rows = parseCsvRows("name,video_id\nx,not-an-id\n");
    expect(detectHeader(rows, vod)).toBe(true);
    expect(describeCsv(rows, vod).guess).toBe(1);
  });

  it("copes with an empty file", () => {
    expect(describeCsv([], vod)).toEqual({
      hasHeader: false,
      columns: [],
      guess: 0,
    });
  });
});

describe("extractColumn", () => {
  it("skips the header, trims cells and drops empty ones and short rows", () => {
    const rows = [["id", "n"], [` ${a} `, "1"], ["", "2"], ["only"], [b]];
    expect(extractColumn(rows, 0, true)).toEqual([a, "only", b]);
    expect(extractColumn(rows, 1, true)).toEqual(["1", "2"]);
  });
});

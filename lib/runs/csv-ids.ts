// Pure: picks the video-ID column out of an uploaded CSV. Runs in the parse worker (so a
// million-row file never blocks the page) and in unit tests; papaparse handles quoting and
// delimiter detection.
import Papa from "papaparse";

export interface CsvColumn {
  index: number;
  /** The header cell, or "Column N" when the file has no header row. */
  name: string;
  /** Cells matching the ID pattern among the first rows sampled. */
  matches: number;
}

export interface CsvLayout {
  hasHeader: boolean;
  columns: CsvColumn[];
  /** The column most likely to hold the IDs. */
  guess: number;
}

/** Rows sampled to guess the header and the ID column; enough to decide, cheap on any size. */
const SAMPLE_ROWS = 200;

export function parseCsvRows(text: string): string[][] {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {
    skipEmptyLines: "greedy",
  });
  return result.data;
}

const matchesPattern = (pattern: RegExp, cell: string | undefined) =>
  cell !== undefined && pattern.test(cell.trim());

/**
 * A first row is a header when none of its cells is a valid ID but some later row has one, or
 * when a cell is named like an ID column ("video_id", "VideoId", "id").
 */
export function detectHeader(rows: string[][], pattern: RegExp): boolean {
  const [first, ...rest] = rows;
  if (!first || rest.length === 0) return false;
  if (first.some((cell) => matchesPattern(pattern, cell))) return false;
  if (first.some((cell) => /(^|[\s_-])id$|^id$|video.?id/i.test(cell.trim())))
    return true;
  return rest
    .slice(0, SAMPLE_ROWS)
    .some((row) => row.some((cell) => matchesPattern(pattern, cell)));
}

export function describeCsv(rows: string[][], pattern: RegExp): CsvLayout {
  const hasHeader = detectHeader(rows, pattern);
  const header = hasHeader ? rows[0] : undefined;
  const sample = rows.slice(hasHeader ? 1 : 0, SAMPLE_ROWS + 1);
  const width = Math.max(
    0,
    ...rows.slice(0, SAMPLE_ROWS + 1).map((r) => r.length),
  );
  const columns: CsvColumn[] = Array.from({ length: width }, (_, index) => ({
    index,
    name: header?.[index]?.trim() || `Column ${index + 1}`,
    matches: sample.filter((row) => matchesPattern(pattern, row[index])).length,
  }));
  // Most matching cells wins; on a tie, a column named like an ID column; else the first.
  const named = (c: CsvColumn) => (/id/i.test(c.name) ? 1 : 0);
  const guess = [...columns].sort(
    (a, b) => b.matches - a.matches || named(b) - named(a) || a.index - b.index,
  )[0];
  return { hasHeader, columns, guess: guess?.index ?? 0 };
}

/** The trimmed, non-empty cells of one column, header row skipped. */
export function extractColumn(
  rows: string[][],
  index: number,
  hasHeader: boolean,
): string[] {
  const cells: string[] = [];
  for (let r = hasHeader ? 1 : 0; r < rows.length; r++) {
    const cell = rows[r]![index]?.trim();
    if (cell) cells.push(cell);
  }
  return cells;
}

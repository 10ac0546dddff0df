// Pure: turns pasted text or a file column into distinct valid IDs, counted duplicates and
// malformed rows with a reason. Preview and execution call this same function, so what was
// previewed is what runs (docs/style.md §3).
import type { IdFormat } from "@/lib/providers/id-formats";

export interface MalformedRow {
  /** 1-based position of the token in the input. */
  position: number;
  value: string;
  reason: string;
}

export interface ParsedIds {
  valid: string[];
  duplicateCount: number;
  malformed: MalformedRow[];
}

const SEPARATORS = /[\s,;]+/;
const MAX_REPORTED_MALFORMED = 1000;

/** Splits on newlines, commas, semicolons, spaces and tabs; strips surrounding quotes. */
export function splitIds(text: string): string[] {
  return text
    .split(SEPARATORS)
    .map((token) => token.replace(/^["']+|["']+$/g, ""))
    .filter((token) => token.length > 0);
}

export function parseIds(
  tokens: string[],
  format: IdFormat,
): ParsedIds & { malformedCount: number } {
  const seen = new Set<string>();
  const valid: string[] = [];
  const malformed: MalformedRow[] = [];
  let malformedCount = 0;
  let duplicateCount = 0;
  tokens.forEach((value, index) => {
    if (!format.pattern.test(value)) {
      malformedCount++;
      if (malformed.length < MAX_REPORTED_MALFORMED) {
        malformed.push({
          position: index + 1,
          value: value.slice(0, 80),
          reason: `expected ${format.description}`,
        });
      }
      return;
    }
    const id = format.canonical ? format.canonical(value) : value;
    if (seen.has(id)) {
      duplicateCount++;
      return;
    }
    seen.add(id);
    valid.push(id);
  });
  return { valid, duplicateCount, malformed, malformedCount };
}

// Pure: the search box's text to the distinct IDs one search looks up.
import { splitIds } from "@/lib/runs/parse-ids";

/** One request per ID: a bound keeps a search quick and the server unburdened. */
export const MAX_LOOKUP_IDS = 200;

export interface LookupIds {
  /** Distinct IDs in the order typed, at most MAX_LOOKUP_IDS. */
  ids: string[];
  duplicateCount: number;
  /** Distinct IDs beyond the cap, not looked up. */
  leftOutCount: number;
}

/** Same separators as the new-run box, so a list pasted there looks up the same IDs here. */
export function parseLookupIds(text: string): LookupIds {
  const tokens = splitIds(text);
  const distinct = [...new Set(tokens)];
  return {
    ids: distinct.slice(0, MAX_LOOKUP_IDS),
    duplicateCount: tokens.length - distinct.length,
    leftOutCount: Math.max(0, distinct.length - MAX_LOOKUP_IDS),
  };
}

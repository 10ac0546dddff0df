// Providers' own status codes in words (docs/providers/akool.md §7, memories.md §7). Pages show
// the word with the code in a tooltip; exports and the API keep the code as the provider sent it.
import type { ProviderId } from "./types";

const WORDS: Partial<Record<ProviderId, Record<string, string>>> = {
  akool: {
    "1": "Queueing",
    "2": "Processing",
    "3": "Ready",
    "4": "Generation failed",
  },
  memories: {
    UNPARSE: "Indexing",
    PARSE: "Ready",
    PARSE_ERROR: "Indexing failed",
    FAILED: "Indexing failed",
    FAIL: "Indexing failed",
  },
};

/** "Processing" for Akool's `2`; a status that is already a word (VOD's `Normal`) as it is. */
export function providerStatusWord(provider: string, status: string): string {
  return WORDS[provider as ProviderId]?.[status] ?? status;
}

/** Whether the page should say the raw code too (it differs from the word shown). */
export const hasStatusWord = (provider: string, status: string) =>
  providerStatusWord(provider, status) !== status;

/**
 * A row's message with the provider's status codes in words: "…returns it with status 2" reads
 * "…returns it with status 2 (processing)". Only codes of this provider after "status" change.
 */
export function withStatusWords(provider: string, text: string): string {
  const words = WORDS[provider as ProviderId];
  if (!words) return text;
  return text.replace(/\bstatus (\w+)\b/g, (match, code: string) =>
    words[code] ? `${match} (${words[code].toLowerCase()})` : match,
  );
}

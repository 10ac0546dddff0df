import { describe, expect, it } from "vitest";
import {
  hasStatusWord,
  providerStatusWord,
  withStatusWords,
} from "./status-words";

describe("provider status words", () => {
  it.each([
    ["akool", "1", "Queueing"],
    ["akool", "2", "Processing"],
    ["akool", "3", "Ready"],
    ["akool", "4", "Generation failed"],
    ["memories", "UNPARSE", "Indexing"],
    ["memories", "PARSE", "Ready"],
    ["memories", "PARSE_ERROR", "Indexing failed"],
  ])("%s status %s reads %s", (provider, code, word) => {
    expect(providerStatusWord(provider, code)).toBe(word);
    expect(hasStatusWord(provider, code)).toBe(true);
  });

  it("leaves words and unknown codes as the provider sent them", () => {
    expect(providerStatusWord("vod", "Normal")).toBe("Normal");
    expect(hasStatusWord("vod", "Normal")).toBe(false);
    expect(providerStatusWord("akool", "9")).toBe("9");
    // Another provider's code means nothing here.
    expect(providerStatusWord("vod", "2")).toBe("2");
  });

  it("names a row message's status codes, keeping the code", () => {
    expect(
      withStatusWords(
        "akool",
        "delbyids said success; resultsByIds still returns it with status 2",
      ),
    ).toBe(
      "delbyids said success; resultsByIds still returns it with status 2 (processing)",
    );
    expect(
      withStatusWords(
        "memories",
        "delete said ok, but list_videos still shows it with status UNPARSE",
      ),
    ).toContain("status UNPARSE (indexing)");
    expect(withStatusWords("vod", "status 2")).toBe("status 2");
    expect(withStatusWords("akool", "HTTP 500, no status here")).toBe(
      "HTTP 500, no status here",
    );
  });
});

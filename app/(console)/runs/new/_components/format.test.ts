import { describe, expect, it } from "vitest";
import { countOf, formatCount, randomUuid } from "./format";

describe("format helpers", () => {
  it("counts with thousands separators and the right noun", () => {
    expect(formatCount(1250)).toBe("1,250");
    expect(countOf(1, "duplicate removed", "duplicates removed")).toBe(
      "1 duplicate removed",
    );
    expect(countOf(0, "video", "videos")).toBe("0 videos");
    expect(countOf(1_000_000, "video", "videos")).toBe("1,000,000 videos");
  });

  it("makes v4 UUIDs, also without crypto.randomUUID (plain-HTTP pages)", () => {
    const v4 =
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(randomUuid()).toMatch(v4);
    const original = crypto.randomUUID;
    try {
      Object.defineProperty(crypto, "randomUUID", {
        value: undefined,
        configurable: true,
      });
      const ids = new Set(Array.from({ length: 50 }, randomUuid));
      expect(ids.size).toBe(50);
      for (const id of ids) expect(id).toMatch(v4);
    } finally {
      Object.defineProperty(crypto, "randomUUID", {
        value: original,
        configurable: true,
      });
    }
  });
});

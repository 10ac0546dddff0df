import { describe, expect, it } from "vitest";
import { pace, paceKey } from "./pacer";

// The per-endpoint pacing that keeps the adapter within 5 requests a second (memories.md §6).

describe("pace", () => {
  it("never lets more than `requests` start within `perMs` of an earlier one finishing", async () => {
    const rate = { requests: 2, perMs: 120 };
    const spans: { start: number; end: number }[] = [];
    await Promise.all(
      Array.from({ length: 6 }, () =>
        pace(
          "unit-test-lane",
          async () => {
            const start = Date.now();
            await new Promise((resolve) => setTimeout(resolve, 10));
            spans.push({ start, end: Date.now() });
          },
          rate,
        ),
      ),
    );
    spans.sort((a, b) => a.start - b.start);
    expect(spans).toHaveLength(6);
    for (let i = 2; i < spans.length; i++) {
      expect(spans[i]!.start - spans[i - 2]!.end).toBeGreaterThanOrEqual(
        rate.perMs,
      );
    }
    expect(spans[5]!.start - spans[0]!.start).toBeGreaterThanOrEqual(
      2 * rate.perMs,
    );
  });
});

describe("paceKey", () => {
  it("separates accounts without holding the key itself", () => {
    const key = "sk-mavi-secret-value";
    expect(paceKey("http://a", key)).not.toContain(key);
    expect(paceKey("http://a", key)).toBe(paceKey("http://a", key));
    expect(paceKey("http://a", key)).not.toBe(paceKey("http://a", `${key}2`));
  });
});

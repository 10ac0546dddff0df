import { describe, expect, it } from "vitest";
import { describeRateLimit } from "./schemas";

describe("describeRateLimit", () => {
  it("says request or requests by the count, per second, minute or other window", () => {
    expect(describeRateLimit({ requests: 1, perMs: 1000 })).toBe(
      "1 request per second",
    );
    expect(describeRateLimit({ requests: 30, perMs: 1000 })).toBe(
      "30 requests per second",
    );
    expect(describeRateLimit({ requests: 1, perMs: 60_000 })).toBe(
      "1 request per minute",
    );
    expect(describeRateLimit({ requests: 1200, perMs: 60_000 })).toBe(
      "1,200 requests per minute",
    );
    expect(describeRateLimit({ requests: 5, perMs: 10_000 })).toBe(
      "5 requests per 10 s",
    );
  });
});

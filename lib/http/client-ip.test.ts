// The client's address feeds the audit log, the sign-in records and the run header's "from", so
// a client must not be able to choose it: only what a trusted proxy wrote counts (issue 11).
import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientIp with no trusted proxy (the default)", () => {
  it("ignores X-Forwarded-For and X-Real-IP, which the client wrote itself", () => {
    const forged = headers({
      "x-forwarded-for": "203.0.113.66",
      "x-real-ip": "203.0.113.67",
    });
    expect(clientIp(forged)).toBeUndefined();
    expect(clientIp(forged, { trustedProxies: 0 })).toBeUndefined();
  });

  it("answers the socket address when the caller has one", () => {
    const forged = headers({ "x-forwarded-for": "203.0.113.66" });
    expect(
      clientIp(forged, { trustedProxies: 0, socketAddress: "192.0.2.10" }),
    ).toBe("192.0.2.10");
    expect(clientIp(forged, { trustedProxies: 0, socketAddress: "::1" })).toBe(
      "::1",
    );
  });

  it("reads ERASURE_TRUSTED_PROXIES when the caller does not say", () => {
    // The test environment leaves the variable unset: the default is to trust no proxy.
    expect(
      clientIp(headers({ "x-forwarded-for": "203.0.113.66" }), {
        socketAddress: "192.0.2.10",
      }),
    ).toBe("192.0.2.10");
  });
});

describe("clientIp behind trusted proxies", () => {
  it("takes the entry the nearest proxy appended, not the client's leftmost one", () => {
    const forwarded = headers({
      "x-forwarded-for": "203.0.113.66, 198.51.100.7",
      "x-real-ip": "203.0.113.67",
    });
    expect(clientIp(forwarded, { trustedProxies: 1 })).toBe("198.51.100.7");
  });

  it("counts N entries from the right for N proxies", () => {
    // client → CDN → load balancer → console: the balancer appended the CDN's address.
    const forwarded = headers({
      "x-forwarded-for": "203.0.113.66, 198.51.100.7, 192.0.2.200",
    });
    expect(clientIp(forwarded, { trustedProxies: 2 })).toBe("198.51.100.7");
    expect(clientIp(forwarded, { trustedProxies: 3 })).toBe("203.0.113.66");
  });

  it("reads several X-Forwarded-For header lines as one list, in order", () => {
    const forwarded = new Headers();
    forwarded.append("x-forwarded-for", "203.0.113.66");
    forwarded.append("x-forwarded-for", "198.51.100.7");
    expect(clientIp(forwarded, { trustedProxies: 1 })).toBe("198.51.100.7");
  });

  it("answers nothing when fewer proxies wrote the list than are trusted", () => {
    const forwarded = headers({ "x-forwarded-for": "198.51.100.7" });
    expect(clientIp(forwarded, { trustedProxies: 2 })).toBeUndefined();
  });

  it("falls back to the socket address when no proxy forwarded the request", () => {
    expect(clientIp(headers({}), { trustedProxies: 1 })).toBeUndefined();
    expect(
      clientIp(headers({ "x-real-ip": "203.0.113.67" }), {
        trustedProxies: 1,
        socketAddress: "192.0.2.10",
      }),
    ).toBe("192.0.2.10");
  });

  it("strips ports and IPv6 brackets, keeping the address", () => {
    const cases: [string, string][] = [
      ["198.51.100.7:4711", "198.51.100.7"],
      ["[2001:db8::7]:443", "2001:db8::7"],
      ["[2001:db8::7]", "2001:db8::7"],
      ["2001:db8::7", "2001:db8::7"],
      ["::ffff:198.51.100.7", "::ffff:198.51.100.7"],
      ["  198.51.100.7  ", "198.51.100.7"],
    ];
    for (const [entry, address] of cases)
      expect(
        clientIp(headers({ "x-forwarded-for": `203.0.113.66,${entry}` }), {
          trustedProxies: 1,
        }),
      ).toBe(address);
  });

  it("answers nothing rather than a value that is not an IP address", () => {
    for (const entry of [
      "unknown",
      "",
      "x".repeat(10_240),
      "198.51.100.7.1",
      "evil\tINFO forged",
      "_hidden",
    ])
      expect(
        clientIp(headers({ "x-forwarded-for": `203.0.113.66, ${entry}` }), {
          trustedProxies: 1,
        }),
      ).toBeUndefined();
  });

  it("stays cheap and correct on a 10 KB header", () => {
    const forwarded = headers({
      "x-forwarded-for": `${"203.0.113.66, ".repeat(750)}198.51.100.7`,
    });
    expect(forwarded.get("x-forwarded-for")!.length).toBeGreaterThan(10_000);
    expect(clientIp(forwarded, { trustedProxies: 1 })).toBe("198.51.100.7");
  });

  it("never answers a socket address that is not one", () => {
    expect(
      clientIp(headers({}), { trustedProxies: 0, socketAddress: "nonsense" }),
    ).toBeUndefined();
  });
});

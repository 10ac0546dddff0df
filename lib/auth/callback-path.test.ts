import { describe, expect, it } from "vitest";
import { DEFAULT_CALLBACK_PATH, safeCallbackPath } from "./callback-path";

const ORIGIN = "https://erasure.example.com";

describe("safeCallbackPath", () => {
  it.each([
    ["/runs", "/runs"],
    ["/runs/new?provider=vod#ids", "/runs/new?provider=vod#ids"],
    ["/audit?ids=a%2Cb", "/audit?ids=a%2Cb"],
    // Percent-escaped slashes stay escaped: the browser asks our server for that odd path.
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    // An absolute URL on the console's own origin is reduced to its path.
    [`${ORIGIN}/runs?x=1`, "/runs?x=1"],
  ])("keeps the same-origin path %j as %j", (input, expected) => {
    expect(safeCallbackPath(input, ORIGIN)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    // What the login page receives for ?callbackUrl=/%09/evil.example: a real tab, which the URL
    // parser drops, leaving //evil.example.
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    " //evil.example",
    // Dot segments that collapse into a protocol-relative path.
    "/.//evil.example",
    "/..//evil.example",
    "/runs/..//evil.example",
    "/runs/./..//evil.example",
    "https://evil.example",
    "https://evil.example/runs",
    "http://erasure.example.com/runs",
    "https://erasure.example.com.evil.example/runs",
    "https://erasure.example.com@evil.example/runs",
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "",
    "http://[",
  ])("refuses %j", (input) => {
    expect(safeCallbackPath(input, ORIGIN)).toBe(DEFAULT_CALLBACK_PATH);
  });

  it("falls back without a value", () => {
    expect(safeCallbackPath(undefined, ORIGIN)).toBe(DEFAULT_CALLBACK_PATH);
    expect(safeCallbackPath(null, ORIGIN)).toBe(DEFAULT_CALLBACK_PATH);
  });

  it("never returns something a browser would resolve to another origin", () => {
    const hostile = [
      "/%09/evil.example",
      "/\t/evil.example",
      "/.//evil.example",
      "/\\evil.example",
      "//evil.example",
    ];
    for (const input of hostile) {
      const path = safeCallbackPath(input, ORIGIN);
      expect(new URL(path, ORIGIN).origin, input).toBe(ORIGIN);
      expect(path.startsWith("//"), input).toBe(false);
    }
  });
});

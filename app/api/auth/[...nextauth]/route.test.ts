// next-auth's endpoints answer anyone, so their bodies are capped before next-auth reads them:
// a chunked upload is counted while it streams and refused at the limit with our JSON envelope.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { SIGN_IN_MAX_BODY_BYTES } from "@/lib/auth/next-auth";
import { withCappedBody } from "@/lib/http/read-body";
import { TEST_ORIGIN } from "@/lib/testing/fixtures";
import { POST } from "./route";

const context = {
  params: Promise.resolve({ nextauth: ["callback", "credentials"] }),
};

function chunkedBody(totalBytes: number) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled >= totalBytes) return controller.close();
      seen.pulled += 4096;
      controller.enqueue(new TextEncoder().encode("a".repeat(4096)));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

describe("POST /api/auth/*", () => {
  it("stops reading a chunked sign-in body at the limit and answers 413", async () => {
    const { stream, seen } = chunkedBody(4_000_000);
    const response = await POST(
      new NextRequest(`${TEST_ORIGIN}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: stream,
        duplex: "half",
      } as ConstructorParameters<typeof NextRequest>[1]),
      context,
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: {
        code: "payload_too_large",
        message: `Request body exceeds ${SIGN_IN_MAX_BODY_BYTES} bytes.`,
      },
    });
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThan(SIGN_IN_MAX_BODY_BYTES + 8 * 4096);
  });

  it("refuses a declared Content-Length over the limit", async () => {
    const response = await POST(
      new NextRequest(`${TEST_ORIGIN}/api/auth/callback/credentials`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": String(SIGN_IN_MAX_BODY_BYTES + 1),
        },
        body: "x".repeat(SIGN_IN_MAX_BODY_BYTES + 1),
      }),
      context,
    );
    expect(response.status).toBe(413);
  });

  it("hands next-auth the body it was sent, read once", async () => {
    const form =
      "email=a%40erasure.test&password=p%C3%BC&csrfToken=abc&json=true";
    const capped = await withCappedBody(
      new NextRequest(`${TEST_ORIGIN}/api/auth/callback/credentials?x=1`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: form,
      }),
      SIGN_IN_MAX_BODY_BYTES,
    );
    expect(capped.method).toBe("POST");
    expect(capped.nextUrl.searchParams.get("x")).toBe("1");
    expect(capped.headers.get("content-type")).toBe(
      "application/x-www-form-urlencoded",
    );
    expect(
      Object.fromEntries(new URLSearchParams(await capped.text())),
    ).toEqual({
      email: "a@erasure.test",
      password: "pü",
      csrfToken: "abc",
      json: "true",
    });
  });

  it("leaves room for the longest sign-in form: email, password, CSRF token, callback", () => {
    const form = new URLSearchParams({
      email: `${"a".repeat(310)}@erasure.test`,
      password: "ü".repeat(1024),
      csrfToken: "f".repeat(64),
      callbackUrl: `${TEST_ORIGIN}/${"r".repeat(2000)}`,
      json: "true",
    }).toString();
    expect(Buffer.byteLength(form)).toBeLessThan(SIGN_IN_MAX_BODY_BYTES);
  });
});

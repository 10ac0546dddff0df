import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { readBodyText } from "./read-body";

/**
 * A chunked body (no Content-Length) of 4 MB: it records how many bytes were pulled from it and
 * whether the reader gave up on it.
 */
function endlessBody(chunkBytes = 1024) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled >= 4_000_000) return controller.close();
      seen.pulled += chunkBytes;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x61));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  const request = new Request("http://localhost:3000/x", {
    method: "POST",
    body: stream,
    // Node's fetch needs this for a streamed request body.
    duplex: "half",
  } as RequestInit);
  return { request, seen };
}

describe("readBodyText", () => {
  it("reads a body within the limit", async () => {
    const request = new Request("http://localhost:3000/x", {
      method: "POST",
      body: "héllo",
    });
    expect(await readBodyText(request, 6)).toBe("héllo");
  });

  it("stops reading a chunked body at the limit and answers 413", async () => {
    const { request, seen } = endlessBody();
    const error = await readBodyText(request, 10_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: "payload_too_large",
      status: 413,
      message: expect.stringContaining("10000 bytes"),
    });
    expect(seen.cancelled).toBe(true);
    // It pulled what the limit needed, give or take the stream's read-ahead, not the endless rest.
    expect(seen.pulled).toBeLessThan(10_000 + 8 * 1024);
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const { request, seen } = endlessBody();
    const declared = new Request(request, {
      headers: { "content-length": "20000" },
    });
    await expect(readBodyText(declared, 10_000)).rejects.toMatchObject({
      code: "payload_too_large",
    });
    // Only the streams' own read-ahead, never the limit's worth.
    expect(seen.pulled).toBeLessThan(10_000);
  });

  it("counts bytes, not characters", async () => {
    const request = new Request("http://localhost:3000/x", {
      method: "POST",
      body: "é".repeat(6),
    });
    await expect(readBodyText(request, 11)).rejects.toMatchObject({
      code: "payload_too_large",
    });
  });

  it("reads no body as an empty string", async () => {
    expect(await readBodyText(new Request("http://localhost:3000/x"), 10)).toBe(
      "",
    );
  });
});

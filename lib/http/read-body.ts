import { NextRequest } from "next/server";
import { ApiError } from "./errors";

function tooLarge(maxBytes: number): ApiError {
  return new ApiError(
    "payload_too_large",
    `Request body exceeds ${maxBytes} bytes.`,
  );
}

/**
 * The request body as text, read at most `maxBytes` into memory. A declared Content-Length over
 * the limit is refused before reading; a chunked body (no length, or a false one) is counted
 * while it streams and abandoned the moment it passes the limit, so a caller cannot make us
 * buffer more than that.
 */
export async function readBodyText(
  req: Request,
  maxBytes: number,
): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total).toString("utf8");
}

/**
 * A copy of `req` whose body has been read within `maxBytes` (see readBodyText), for code that
 * reads the body itself without a limit (next-auth).
 */
export async function withCappedBody(
  req: NextRequest,
  maxBytes: number,
): Promise<NextRequest> {
  if (!req.body) return req;
  const body = await readBodyText(req, maxBytes);
  return new NextRequest(req.url, {
    method: req.method,
    headers: req.headers,
    body,
  });
}

// Wire helpers of the AKOOL fake (docs/providers/akool.md §5): business answers are HTTP 200 with
// an int `code`; only a proxy in front of AKOOL answers anything else.
import type { SandboxResponse } from "../types";

export const reply = (body: Record<string, unknown>): SandboxResponse => ({
  status: 200,
  headers: { "content-type": "application/json; charset=utf-8" },
  body: JSON.stringify(body),
});

/** §5: error envelope `{code, msg}`; whether `data` appears is unknown, so the fake omits it. */
export const failure = (code: number, msg: string) => reply({ code, msg });

export function jsonObject(body: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body.toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** §5 "gateway 5xx, 429 from a proxy": an nginx page, not AKOOL's JSON. */
export function gatewayPage(status: number, title: string): SandboxResponse {
  const heading = `${status} ${title}`;
  const body = `<html>\r\n<head><title>${heading}</title></head>\r\n<body>\r\n<center><h1>${heading}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
  return { status, headers: { "content-type": "text/html" }, body };
}

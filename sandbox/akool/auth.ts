// AKOOL auth (docs/providers/akool.md §2): `x-api-key`, or `Authorization: Bearer <JWT>` from
// getToken. The fake signs HS256 itself, so a token needs no server-side storage and stays valid
// across `reset`, as a real one would.
import { createHmac, timingSafeEqual } from "node:crypto";
import { failure, jsonObject, reply } from "./http";
import type { AkoolLimits } from "./limits";
import type { SandboxRequest, SandboxResponse } from "../types";

export interface AkoolCredentials {
  apiKey: string;
  clientId: string;
  clientSecret: string;
}

export function akoolCredentialsFromEnv(
  env: Record<string, string | undefined> = process.env,
): AkoolCredentials {
  return {
    apiKey: env.SANDBOX_AKOOL_API_KEY || "sandbox-akool-key",
    clientId: env.SANDBOX_AKOOL_CLIENT_ID || "sandbox-akool-client",
    clientSecret: env.SANDBOX_AKOOL_CLIENT_SECRET || "sandbox-akool-secret",
  };
}

const HEADER = Buffer.from(
  JSON.stringify({ alg: "HS256", typ: "JWT" }),
).toString("base64url");

function sign(secret: string, data: string): string {
  return createHmac("sha256", `akool-sandbox:${secret}`)
    .update(data)
    .digest("base64url");
}

/** `exp` is fractional seconds (allowed by RFC 7519) so that tests can use millisecond TTLs. */
function issueToken(
  credentials: AkoolCredentials,
  now: number,
  ttlMs: number,
): string {
  const claims = {
    sub: credentials.clientId,
    iat: Math.floor(now / 1000),
    exp: (now + ttlMs) / 1000,
  };
  const body = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
  return `${body}.${sign(credentials.clientSecret, body)}`;
}

function checkToken(
  token: string,
  credentials: AkoolCredentials,
  now: number,
): "valid" | "expired" | "invalid" {
  const [header, payload, signature, ...extra] = token.split(".");
  if (
    header === undefined ||
    payload === undefined ||
    signature === undefined ||
    extra.length > 0
  ) {
    return "invalid";
  }
  const expected = Buffer.from(
    sign(credentials.clientSecret, `${header}.${payload}`),
  );
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return "invalid";
  let claims: { sub?: unknown; exp?: unknown };
  try {
    claims = JSON.parse(
      Buffer.from(payload, "base64url").toString("utf8"),
    ) as typeof claims;
  } catch {
    return "invalid";
  }
  if (claims.sub !== credentials.clientId || typeof claims.exp !== "number")
    return "invalid";
  return claims.exp * 1000 > now ? "valid" : "expired";
}

/**
 * Null when the caller may proceed, else the 1101/1102 answer (§9). §2: Authorization wins over
 * x-api-key when both are sent; an empty header counts as absent.
 */
export function authenticateAkool(
  req: SandboxRequest,
  credentials: AkoolCredentials,
  limits: AkoolLimits,
  now: number,
): SandboxResponse | null {
  const authorization = req.headers.authorization;
  const apiKey = req.headers["x-api-key"];
  if (authorization) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    if (!token) return failure(1101, "invalid authorization");
    if (limits.bearerAcceptsApiKey && token === credentials.apiKey) return null;
    const check = checkToken(token, credentials, now);
    if (check === "expired") return failure(1101, "request token expired");
    return check === "valid" ? null : failure(1101, "invalid authorization");
  }
  if (typeof apiKey === "string" && apiKey !== "") {
    // §2: the API key is the value formerly called clientSecret, so both are accepted.
    const known =
      apiKey === credentials.apiKey || apiKey === credentials.clientSecret;
    return known ? null : failure(1101, "invalid authorization");
  }
  return failure(1102, "authorization cannot be empty");
}

/** `POST /api/open/v3/getToken`; §2: the token sits at top level, not under `data`. */
export function answerGetToken(
  req: SandboxRequest,
  credentials: AkoolCredentials,
  limits: AkoolLimits,
  now: number,
): SandboxResponse {
  const { clientId, clientSecret } = jsonObject(req.body) ?? {};
  if (
    typeof clientId !== "string" ||
    !clientId ||
    typeof clientSecret !== "string" ||
    !clientSecret
  ) {
    return failure(
      1003,
      "parameter error: clientId and clientSecret are required",
    );
  }
  if (
    clientId !== credentials.clientId ||
    clientSecret !== credentials.clientSecret
  ) {
    return failure(1101, "invalid clientId or clientSecret");
  }
  if (limits.banned) return failure(1200, "account is banned");
  return reply({
    code: 1000,
    token: issueToken(credentials, now, limits.tokenTtlMs),
  });
}

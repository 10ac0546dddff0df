import "server-only";
import { randomUUID } from "node:crypto";
import { z, type ZodType } from "zod";
import { resolveApiToken } from "@/lib/auth/api-tokens";
import { operatorFromCookieHeader } from "@/lib/auth/next-auth";
import type { Operator } from "@/lib/auth/operator";
import { hasRole, type Role } from "@/lib/auth/roles";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { ApiError } from "./errors";

const MUTATIONS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const DEFAULT_MAX_BODY_BYTES = 1_000_000;

export interface HandlerContext<P, Q, B> {
  req: Request;
  operator: Operator;
  params: P;
  query: Q;
  body: B;
  requestId: string;
}

interface Options<P, Q, B> {
  /** Minimum role; viewers read, operators run deletions, admins manage access. */
  role: Role;
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  maxBodyBytes?: number;
}

type RouteContext = {
  params: Promise<Record<string, string | string[] | undefined>>;
};

async function authenticate(req: Request): Promise<Operator> {
  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    // An Authorization header means a script: never fall back to a cookie that happens to be there.
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const operator = match ? await resolveApiToken(match[1]!) : null;
    if (!operator)
      throw new ApiError(
        "unauthorized",
        "The API token is invalid or revoked.",
      );
    return operator;
  }
  const operator = await operatorFromCookieHeader(req.headers.get("cookie"));
  if (!operator)
    throw new ApiError("unauthorized", "Sign in or send an API token.");
  return operator;
}

/** Cookie-authenticated mutations must come from our own pages (CSRF); `Origin: null` never does. */
function checkOrigin(req: Request): void {
  const origin = req.headers.get("origin");
  const expected = new URL(getEnv().NEXTAUTH_URL ?? req.url).origin;
  if (origin === null) {
    if (req.headers.get("sec-fetch-site") === "same-origin") return;
    throw new ApiError(
      "forbidden",
      "Cross-site request refused: the Origin header is missing.",
    );
  }
  if (origin !== expected)
    throw new ApiError(
      "forbidden",
      `Cross-site request refused from origin ${origin}.`,
    );
}

async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes)
    throw new ApiError(
      "payload_too_large",
      `Request body exceeds ${maxBytes} bytes.`,
    );
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) {
    throw new ApiError(
      "payload_too_large",
      `Request body exceeds ${maxBytes} bytes.`,
    );
  }
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("bad_request", "The request body is not valid JSON.");
  }
}

function parseWith<T>(
  schema: ZodType<T> | undefined,
  value: unknown,
  where: string,
): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ApiError(
      "unprocessable",
      `Invalid ${where}: ${z.prettifyError(result.error)}`,
      {
        issues: result.error.issues,
      },
    );
  }
  return result.data;
}

/**
 * Wraps every route handler: authenticate (session or Bearer token) → authorise (role, and
 * Origin for cookie mutations) → parse params, query and body with zod → act → respond.
 * Authorisation precedes parsing so that a caller without the role learns nothing about the
 * input format. Anything thrown becomes the `{ error: { code, message } }` envelope; unexpected
 * errors become a generic 500 with the details only in the log.
 */
export function withOperator<P = undefined, Q = undefined, B = undefined>(
  handler: (ctx: HandlerContext<P, Q, B>) => Promise<Response | object>,
  options: Options<P, Q, B>,
) {
  return async (req: Request, context: RouteContext): Promise<Response> => {
    const requestId = randomUUID();
    try {
      const operator = await authenticate(req);
      if (operator.via.kind === "session" && MUTATIONS.has(req.method))
        checkOrigin(req);
      if (!hasRole(operator.role, options.role)) {
        throw new ApiError(
          "forbidden",
          `This action needs the ${options.role} role; you are ${operator.role}.`,
        );
      }
      const params = parseWith(
        options.params,
        await context.params,
        "path parameters",
      );
      const query = parseWith(
        options.query,
        Object.fromEntries(new URL(req.url).searchParams),
        "query",
      );
      const body = options.body
        ? parseWith(
            options.body,
            await readJsonBody(
              req,
              options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
            ),
            "body",
          )
        : (undefined as B);
      const result = await handler({
        req,
        operator,
        params,
        query,
        body,
        requestId,
      });
      const response =
        result instanceof Response ? result : Response.json(result);
      response.headers.set("x-request-id", requestId);
      if (!response.headers.has("cache-control"))
        response.headers.set("cache-control", "no-store");
      return response;
    } catch (error) {
      if (error instanceof ApiError) return error.toResponse(requestId);
      logger.error(
        { err: error, requestId, method: req.method, url: req.url },
        "unhandled route error",
      );
      return new ApiError(
        "internal",
        `Something went wrong on our side (request ${requestId}).`,
      ).toResponse(requestId);
    }
  };
}

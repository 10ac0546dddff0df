import "server-only";
import { randomUUID } from "node:crypto";
import { z, type ZodType } from "zod";
import { checkApiToken } from "@/lib/auth/api-tokens";
import { operatorFromCookieHeader } from "@/lib/auth/next-auth";
import type { Operator } from "@/lib/auth/operator";
import { hasRole, type Role } from "@/lib/auth/roles";
import { READ_METHODS } from "@/lib/auth/token-scopes";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { ApiError } from "./errors";
import { parseJsonWithoutNul, refuseNulIn } from "./nul-characters";
import { readBodyText } from "./read-body";

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
  /**
   * The handler records an audit event even on GET (exports, verify, checkpoint): a cookie
   * caller must then be one of our pages, like a mutation's.
   */
  recordsEvent?: boolean;
}

type RouteContext = {
  params: Promise<Record<string, string | string[] | undefined>>;
};

async function authenticate(req: Request): Promise<Operator> {
  const authorization = req.headers.get("authorization");
  if (authorization !== null) {
    // An Authorization header means a script: never fall back to a cookie that happens to be there.
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const check = match
      ? await checkApiToken(match[1]!)
      : ({ ok: false, reason: "invalid" } as const);
    if (!check.ok)
      throw new ApiError(
        "unauthorized",
        check.reason === "expired"
          ? "The API token has expired; ask an admin for a new one."
          : "The API token is invalid or revoked.",
      );
    return check.operator;
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

/**
 * A cookie GET that records an event must come from our pages: another site could otherwise make
 * a signed-in browser append events at will. Browsers label every request with Sec-Fetch-Site;
 * links and fetches of our own pages say `same-origin`.
 */
function checkSameOriginRead(req: Request): void {
  const site = req.headers.get("sec-fetch-site");
  if (site !== "same-origin")
    throw new ApiError(
      "forbidden",
      `This request records an audit event and must come from the console's own pages (Sec-Fetch-Site: same-origin, got ${site ?? "none sent"}); scripts use an API token.`,
    );
}

async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
  const text = await readBodyText(req, maxBytes);
  if (text.trim() === "") return undefined;
  try {
    return parseJsonWithoutNul(text);
  } catch (error) {
    if (error instanceof ApiError) throw error;
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
      else if (operator.via.kind === "session" && options.recordsEvent)
        checkSameOriginRead(req);
      if (
        operator.via.kind === "token" &&
        operator.via.scope === "read" &&
        !READ_METHODS.has(req.method)
      )
        throw new ApiError(
          "forbidden",
          "This API token is read-only: it may only send GET requests.",
        );
      if (!hasRole(operator.role, options.role)) {
        throw new ApiError(
          "forbidden",
          `This action needs the ${options.role} role; you are ${operator.role}.`,
        );
      }
      const rawParams = await context.params;
      refuseNulIn(rawParams, "path");
      const params = parseWith(options.params, rawParams, "path parameters");
      const rawQuery = Object.fromEntries(new URL(req.url).searchParams);
      refuseNulIn(rawQuery, "query string");
      const query = parseWith(options.query, rawQuery, "query");
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

// Property-based fuzzing of every JSON, query and path-parameter endpoint (issue 11), in process
// (the route handlers themselves, no HTTP server), as a signed-in admin from the console's own
// pages. Inputs are hostile: malformed JSON, huge strings, deep nesting, wrong types, lone
// surrogates, control characters, `__proto__`/`constructor`/`prototype` keys, numbers at the
// edges. For every case:
//   - no 5xx, and every error is the `{ error: { code, message } }` envelope;
//   - where the route's schema is exported, the answer follows it: a body over the limit is a
//     413, input that is not JSON or holds a NUL or a lone surrogate a 400, input the schema
//     refuses a 422, so a 2xx only ever answers input the schema accepts;
//   - a 4xx records no audit event and calls no provider (the sandbox's call log).
// Inputs that would do real harm never occur: run creation never carries a valid confirmation
// (and no run may appear), and admin requests act on a user made for the purpose.
// Deterministic: FUZZ_SEED picks another seed (the one used is in the suite's name), FUZZ_RUNS
// another number of cases per endpoint (at least 1,000 in CI).
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { GET as auditExport } from "@/app/api/audit/export/route";
import { GET as verify } from "@/app/api/audit/verify/route";
import { GET as videoSearchExport } from "@/app/api/audit/video-search/export/route";
import { GET as videoHistory } from "@/app/api/audit/videos/[videoId]/route";
import { POST as changeOwnPassword } from "@/app/api/me/password/route";
import { GET as listVideos } from "@/app/api/providers/[providerId]/videos/route";
import { GET as listProviders } from "@/app/api/providers/route";
import { POST as cancelRun } from "@/app/api/runs/[runId]/cancel/route";
import { GET as runEvents } from "@/app/api/runs/[runId]/events/route";
import { GET as runExport } from "@/app/api/runs/[runId]/export/route";
import { GET as runItems } from "@/app/api/runs/[runId]/items/route";
import { POST as resumeRun } from "@/app/api/runs/[runId]/resume/route";
import { POST as retryProcessing } from "@/app/api/runs/[runId]/retry-processing/route";
import { GET as getRun } from "@/app/api/runs/[runId]/route";
import { POST as previewRun } from "@/app/api/runs/preview/route";
import { GET as listRuns, POST as startRun } from "@/app/api/runs/route";
import { DELETE as revokeToken } from "@/app/api/tokens/[tokenId]/route";
import { POST as createToken } from "@/app/api/tokens/route";
import { POST as resetPassword } from "@/app/api/users/[userId]/password/route";
import { PATCH as updateUser } from "@/app/api/users/[userId]/route";
import { POST as createUser } from "@/app/api/users/route";
import { operatorOf } from "@/lib/auth/operator";
import {
  changePasswordBodySchema,
  createTokenBodySchema,
  createUserBodySchema,
  resetPasswordBodySchema,
  tokenIdParamsSchema,
  updateUserBodySchema,
  userIdParamsSchema,
} from "@/lib/auth/schemas";
import { getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";
import { errorStatus } from "@/lib/http/errors";
import {
  videosParamsSchema,
  videosQuerySchema,
} from "@/lib/providers/list-videos";
import { providersQuerySchema } from "@/lib/providers/schemas";
import { idKinds, providerIds } from "@/lib/providers/types";
import { createRun } from "@/lib/runs/create-run";
import {
  exportQuerySchema,
  previewBodySchema,
  retryProcessingBodySchema,
  RUN_BODY_MAX_BYTES,
  runIdParamsSchema,
  runItemsQuerySchema,
  runsQuerySchema,
  startRunBodySchema,
} from "@/lib/runs/schemas";
import { rowOutcomes, runStatuses } from "@/lib/runs/vocabulary";
import { auditHead } from "@/lib/testing/db-state";
import {
  makeUser,
  request,
  routeContext,
  sessionCookie,
  signingKeyPem,
  TEST_ORIGIN,
} from "@/lib/testing/fixtures";
import { setupSandboxEnv } from "@/lib/testing/provider-sandbox";
import { newCallsReader } from "@/lib/testing/sandbox-control";

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_811);
// Fewer cases are for a quick local look; CI always runs at least 1,000 per endpoint.
const RUNS = Math.max(
  Number(process.env.FUZZ_RUNS ?? 1000),
  process.env.CI ? 1000 : 1,
);

// Read at the first getEnv(): Verify and the exports work as in production.
Object.assign(process.env, {
  ERASURE_AUDIT_SIGNING_KEY: signingKeyPem(),
  NEXTAUTH_URL: TEST_ORIGIN,
});
// VOD only: previews, lists and health checks of valid input reach it; its budgets (100
// look-ups/s, 50 lists/s) never make a case wait.
const sandbox = setupSandboxEnv(["vod"]);

const PASSWORD = "correct-horse-battery";

// ---------------------------------------------------------------------------------------------
// Hostile values.

/** Any UTF-16 code unit: lone surrogates, NUL and every control character included. */
const codeUnit = fc
  .integer({ min: 0, max: 0xffff })
  .map((n) => String.fromCharCode(n));

const SPECIAL_STRINGS = [
  "",
  " ",
  "\t",
  "\r\n",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uDFFF",
  "a\uDBFFb",
  "\uDC00\uD800",
  "\uFEFF",
  "\u202E",
  "\u200B",
  "\u0007",
  "\u001B[31m",
  "\uFFFF",
  "\u{10FFFF}",
  "%00",
  "%",
  "%E0%A4%A",
  "..",
  "../../etc/passwd",
  "' OR 1=1 --",
  '"; drop table users; --',
  "<script>alert(1)</script>",
  "${7*7}",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "[object Object]",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e308",
  "1e309",
  "-0",
  "0",
  "-1",
  "0.5",
  "1.0",
  "1e-7",
  "9007199254740991",
  "9007199254740992",
  "9007199254740993",
  "-9007199254740993",
  "0x10",
  "1_000",
  " 7 ",
  "+7",
  ".5",
  "١٢٣",
  "１２３",
  "2026-02-30",
  "2026-13-01T00:00:00Z",
  "0000-01-01",
  "+275760-09-13T00:00:00.001Z",
  "-271821-04-20T00:00:00.000Z",
  "2026-01-01T00:00:00+25:00",
  "😀",
  "e\u0301",
  "İ",
];
const LONG_STRINGS = [
  "x".repeat(201),
  "x".repeat(4_001),
  "x".repeat(100_000),
  "😀".repeat(50),
  "é".repeat(37),
  "\u0301".repeat(5_000),
  "a,".repeat(300),
];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: codeUnit, maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 4, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom(...LONG_STRINGS) },
  {
    weight: 1,
    arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String),
  },
  {
    weight: 1,
    arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  },
);

/** A JSON value as text will spell it: `$raw` is a token JSON.stringify never writes. */
type J =
  | null
  | boolean
  | number
  | string
  | { $raw: string }
  | J[]
  | { $entries: [string, J][] };

const hostileNumber: fc.Arbitrary<J> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 1,
    -(Number.MAX_SAFE_INTEGER + 1),
    0.5,
    -1,
    -0,
    0,
    2 ** 31,
    2 ** 32,
    5e-324,
  ),
  fc
    .constantFrom(
      "1e999",
      "-1e999",
      "-0",
      "-0.0",
      "1E400",
      "0.1e-400",
      "9007199254740993",
      "123456789012345678901234567890",
    )
    .map((raw): J => ({ $raw: raw })),
);

const dangerousKey = fc.constantFrom(
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "then",
  "",
  "\u0000",
  "\uD800",
);
const anyKey = fc.oneof(dangerousKey, hostileString);

const { value: jsonValue } = fc.letrec<{ value: J; array: J; object: J }>(
  (tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      fc.constant(null),
      fc.boolean(),
      hostileNumber,
      hostileString,
      tie("array"),
      tie("object"),
    ),
    array: fc.array(tie("value"), { maxLength: 4 }),
    object: fc
      .array(fc.tuple(anyKey, tie("value")), { maxLength: 4 })
      .map((entries): J => ({ $entries: entries })),
  }),
);

function toJson(value: J): string {
  if (typeof value === "number")
    return Object.is(value, -0) ? "-0" : JSON.stringify(value);
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(toJson).join(",")}]`;
  if ("$raw" in value) return value.$raw;
  return `{${value.$entries.map(([key, item]) => `${JSON.stringify(key)}:${toJson(item)}`).join(",")}}`;
}

const RAW_BODIES = [
  "",
  " ",
  "\n\t",
  "{",
  "}",
  "[",
  "nul",
  "NaN",
  "undefined",
  "'x'",
  "{'a':1}",
  '{"a":1,}',
  '{"a":1}{"b":2}',
  '{"a" 1}',
  "\uFEFF{}",
  '{"a":"\\x41"}',
  '"\\ud800"',
  "[1,2",
  "1e999",
  "-0",
  "true",
  "null",
  '{"a":"\\u0000"}',
  '{"\\u0000":1}',
  '{"__proto__":{"role":"admin","disabled":false}}',
  '{"constructor":{"prototype":{"role":"admin"}}}',
  "[".repeat(100_000) + "]".repeat(100_000),
  '{"a":'.repeat(20_000) + "1" + "}".repeat(20_000),
];
const rawBody = fc.oneof(
  fc.constantFrom(...RAW_BODIES),
  fc.string({ unit: codeUnit, maxLength: 60 }),
);

/** A field's own plausible values, mixed with anything at all. */
const field = (...plausible: fc.Arbitrary<J>[]): fc.Arbitrary<J> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.oneof(...plausible) },
    { weight: 2, arbitrary: jsonValue },
  );

/**
 * Bodies for a JSON endpoint: raw text, any JSON, objects of the endpoint's fields (plausible or
 * hostile values, dangerous extra keys, repeated keys), a valid body with one field wrong or
 * missing, a valid body under a `__proto__`/`constructor` key, and one just over the limit.
 */
function bodies(
  fields: Record<string, fc.Arbitrary<J>>,
  valid: Record<string, J>,
  maxBytes: number,
): fc.Arbitrary<string> {
  const names = Object.keys(fields);
  const structured = fc
    .tuple(
      fc.record(fields, { requiredKeys: [] }),
      fc.array(
        fc.tuple(fc.oneof(anyKey, fc.constantFrom(...names)), jsonValue),
        {
          maxLength: 2,
        },
      ),
    )
    .map(([known, extra]): J => ({
      $entries: [...(Object.entries(known) as [string, J][]), ...extra],
    }));
  const oneOff = fc
    .constantFrom(...names)
    .chain((name) => fc.tuple(fc.constant(name), fields[name]!, fc.boolean()))
    .map(([name, value, drop]): J => ({
      $entries: Object.entries(valid)
        .filter(([key]) => !(drop && key === name))
        .map(([key, item]): [string, J] => [key, key === name ? value : item]),
    }));
  const smuggled = fc
    .tuple(dangerousKey, fc.boolean())
    .map(([key, inside]) =>
      inside
        ? `{${JSON.stringify(key)}:${toJson({ $entries: Object.entries(valid) })}}`
        : `{${JSON.stringify(key)}:{"role":"admin"},${toJson({ $entries: Object.entries(valid) }).slice(1)}`,
    );
  const oversized = `{"pad":"${"x".repeat(maxBytes)}"}`;
  return fc.oneof(
    { weight: 2, arbitrary: rawBody },
    { weight: 2, arbitrary: jsonValue.map(toJson) },
    { weight: 6, arbitrary: structured.map(toJson) },
    { weight: 4, arbitrary: oneOff.map(toJson) },
    { weight: 1, arbitrary: smuggled },
    { weight: 1, arbitrary: fc.constant(oversized) },
  );
}

const RAW_QUERY_PARTS = [
  "%",
  "%%",
  "%0",
  "%00",
  "%ZZ",
  "%E0%A4%A",
  "%F0%9F%98",
  "%C0%AF",
  "%ED%A0%80",
  "%EF%BF%BF",
  "&",
  "=",
  "+",
  "#",
  "?",
  ";",
  "[]",
  "\\",
  ",",
  "%2C",
  "a",
  "limit",
  "offset",
  "from",
  "to",
  "q",
  "ids",
  "format",
  "cursor",
  "__proto__",
  "1e308",
  "-0",
];
const rawQuery = fc
  .array(fc.constantFrom(...RAW_QUERY_PARTS), { maxLength: 12 })
  .map((parts) => parts.join(""));

/** A value of a query field: its plausible values or any hostile string. */
const param = (...plausible: (string | fc.Arbitrary<string>)[]) =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.oneof(
        ...plausible.map((p) => (typeof p === "string" ? fc.constant(p) : p)),
      ),
    },
    { weight: 2, arbitrary: hostileString },
  );

/** Query strings: the endpoint's fields, extra and repeated keys, and raw percent-mangling. */
function queries(fields: Record<string, fc.Arbitrary<string>>) {
  const names = Object.keys(fields);
  const pairs = fc
    .tuple(
      fc.record(fields, { requiredKeys: [] }),
      fc.array(
        fc.tuple(
          fc.oneof(dangerousKey, fc.constantFrom(...names), hostileString),
          hostileString,
        ),
        { maxLength: 3 },
      ),
    )
    .map(([known, extra]) =>
      new URLSearchParams([
        ...(Object.entries(known) as [string, string][]),
        ...extra,
      ]).toString(),
    );
  return fc.oneof(
    { weight: 5, arbitrary: pairs },
    { weight: 1, arbitrary: rawQuery },
  );
}

const numberish = fc.oneof(
  fc.integer({ min: -5, max: 2_000 }).map(String),
  fc.constantFrom("0", "1", "50", "200", "201", "1000", "1001", "1.5", "-0"),
);
const dateish = fc.oneof(
  fc
    .date({
      min: new Date("1970-01-01"),
      max: new Date("2100-01-01"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString()),
  fc
    .date({
      min: new Date("1970-01-01"),
      max: new Date("2100-01-01"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
);
/** Mostly invalid passwords: a valid one costs a bcrypt hash (~150 ms). */
const passwordish: fc.Arbitrary<J> = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: codeUnit, maxLength: 11 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "a".repeat(73),
      "é".repeat(37),
      "😀".repeat(19),
      "x".repeat(1_025),
      "\u0000".repeat(12),
      "\uD800".repeat(12),
    ),
  },
  {
    weight: 3,
    arbitrary: fc.oneof(fc.constant(null), hostileNumber, fc.boolean()),
  },
  {
    weight: 1,
    arbitrary: fc.string({ unit: codeUnit, minLength: 12, maxLength: 24 }),
  },
);

// ---------------------------------------------------------------------------------------------
// The endpoints.

type Handler = (
  req: Request,
  ctx: ReturnType<typeof routeContext>,
) => Promise<Response>;

interface Input {
  params: Record<string, string>;
  query: string;
  body?: string;
  headers: Record<string, string>;
}

interface Endpoint {
  method: string;
  /** The route, `[name]` for a path parameter. */
  path: string;
  handler: Handler;
  input: fc.Arbitrary<Input>;
  /** The route's own schemas, where exported; null: checked by a schema we cannot see. */
  paramsSchema?: ZodType | null;
  querySchema?: ZodType | null;
  body?: { schema: ZodType | null; maxBytes: number };
  /** Valid input reaches a provider: check the sandbox's call log after each 4xx (else: no call at all). */
  callsProviders?: true;
  /** No case may succeed (run creation: the confirmation never matches). */
  never2xx?: true;
  /** 4xx answers the handler records by design (a wrong current password is a failed sign-in). */
  auditedRefusals?: { statuses: number[]; actions: string[] };
}

interface Fixtures {
  adminHeaders: Record<string, string>;
  selfHeaders: Record<string, string>;
  runId: string;
  runVideoId: string;
  victimId: string;
  vodCursor: string;
  vodVideoId: string;
}

const vodId = fc
  .uint8Array({ minLength: 16, maxLength: 16 })
  .map((bytes) => Buffer.from(bytes).toString("hex"));
const uuid = fc.uuid();
const jsonOf = (...values: fc.Arbitrary<J>[]) => fc.oneof(...values);

function endpoints(fx: Fixtures): Endpoint[] {
  const admin = fc.constant(fx.adminHeaders);
  const bodyInput = (
    params: fc.Arbitrary<Record<string, string>>,
    body: fc.Arbitrary<string>,
    headers: fc.Arbitrary<Record<string, string>> = admin,
  ): fc.Arbitrary<Input> =>
    fc.record({ params, query: fc.constant(""), body, headers });
  const queryInput = (
    query: fc.Arbitrary<string>,
    params: fc.Arbitrary<Record<string, string>> = fc.constant({}),
  ): fc.Arbitrary<Input> => fc.record({ params, query, headers: admin });
  const pathInput = (
    name: string,
    plausible: fc.Arbitrary<string>,
  ): fc.Arbitrary<Input> =>
    fc.record({
      params: fc
        .oneof(plausible, hostileString)
        .map((value) => ({ [name]: value })),
      query: fc.constant(""),
      headers: admin,
    });
  /** Mostly the fixture's own parameters; now and then hostile ones. */
  const mostly = (valid: Record<string, string>) =>
    fc.oneof(
      { weight: 9, arbitrary: fc.constant(valid) },
      {
        weight: 1,
        arbitrary: fc.record(
          Object.fromEntries(
            Object.keys(valid).map((key) => [
              key,
              fc.oneof(hostileString, uuid),
            ]),
          ),
        ),
      },
    );

  const runFields = {
    provider: field(fc.constantFrom(...providerIds, "VOD", "vod ", "")),
    idKind: field(fc.constantFrom(...idKinds, "Video", "")),
    ids: field(
      fc.array(fc.oneof(vodId, hostileString), { maxLength: 8 }),
      fc.constant([fx.vodVideoId]),
    ),
  };

  return [
    // Verify and the audit export read the whole log: first, while it is short.
    {
      method: "GET",
      path: "audit/verify",
      handler: verify,
      querySchema: null,
      input: queryInput(
        queries({
          checkpoint: param(
            jsonValue.map((value) =>
              Buffer.from(toJson(value)).toString("base64url"),
            ),
            fc
              .record({
                position: jsonOf(hostileNumber, fc.nat()),
                hash: jsonOf(hostileString, fc.constant("a".repeat(64))),
                at: jsonOf(hostileString),
                publicKey: jsonOf(hostileString),
                signature: jsonOf(hostileString),
              })
              .map((c) =>
                Buffer.from(toJson({ $entries: Object.entries(c) })).toString(
                  "base64url",
                ),
              ),
          ),
        }),
      ),
    },
    {
      method: "GET",
      path: "audit/export",
      handler: auditExport,
      querySchema: null,
      input: queryInput(
        queries({
          from: param(dateish),
          to: param(dateish),
          format: param("csv", "json", "xml", "JSON"),
        }),
      ),
    },
    {
      method: "GET",
      path: "audit/video-search/export",
      handler: videoSearchExport,
      querySchema: null,
      input: queryInput(
        queries({
          ids: param(
            fc
              .array(
                fc.oneof(vodId, hostileString, fc.constant(fx.runVideoId)),
                {
                  maxLength: 5,
                },
              )
              .map((ids) => ids.join(",")),
            ",,, ,",
            Array.from({ length: 201 }, (_, i) => `v${i}`).join(","),
          ),
          format: param("csv", "json", "xml"),
        }),
      ),
    },
    {
      method: "GET",
      path: "runs",
      handler: listRuns,
      querySchema: runsQuerySchema,
      input: queryInput(
        queries({
          provider: param(...providerIds),
          operator: param(uuid, "admin@erasure.test"),
          status: param(...runStatuses),
          from: param(dateish),
          to: param(dateish),
          hasFailed: param("1", "true", "0", "false", "yes"),
          q: param(
            fx.runId.slice(0, 8),
            fc.string({
              unit: fc.constantFrom(..."0123456789abcdef-"),
              maxLength: 40,
            }),
          ),
          sort: param(
            "createdAt",
            "status",
            "provider",
            "total",
            "duration",
            "id",
          ),
          dir: param("asc", "desc", "ASC"),
          offset: param(numberish),
          limit: param(numberish),
        }),
      ),
    },
    {
      method: "GET",
      path: "runs/[runId]/items",
      handler: runItems,
      paramsSchema: runIdParamsSchema,
      querySchema: runItemsQuerySchema,
      input: queryInput(
        queries({
          outcome: param(...rowOutcomes),
          q: param(fx.runVideoId.slice(0, 6), "%", "_"),
          sort: param("videoId", "outcome", "attempts", "updatedAt", "code"),
          dir: param("asc", "desc"),
          offset: param(numberish),
          limit: param(numberish),
        }),
        mostly({ runId: fx.runId }),
      ),
    },
    {
      method: "GET",
      path: "runs/[runId]/export",
      handler: runExport,
      paramsSchema: runIdParamsSchema,
      querySchema: exportQuerySchema,
      input: queryInput(
        queries({
          format: param("csv", "json", "xml"),
          outcome: param(...rowOutcomes),
          q: param(fx.runVideoId.slice(0, 6), "%", "_"),
        }),
        mostly({ runId: fx.runId }),
      ),
    },
    {
      method: "GET",
      path: "providers",
      handler: listProviders,
      querySchema: providersQuerySchema,
      callsProviders: true,
      input: queryInput(queries({ refresh: param("1", "true", "0", "yes") })),
    },
    {
      method: "GET",
      path: "providers/[providerId]/videos",
      handler: listVideos,
      paramsSchema: videosParamsSchema,
      querySchema: videosQuerySchema,
      callsProviders: true,
      input: queryInput(
        queries({
          cursor: param(
            fx.vodCursor,
            fc
              .tuple(
                fc.nat({ max: fx.vodCursor.length - 1 }),
                fc.string({ unit: codeUnit, minLength: 1, maxLength: 1 }),
              )
              .map(
                ([at, c]) =>
                  fx.vodCursor.slice(0, at) + c + fx.vodCursor.slice(at + 1),
              ),
            jsonValue.map((value) =>
              Buffer.from(toJson(value)).toString("base64url"),
            ),
          ),
          pageSize: param(numberish),
          status: param("Normal", "Uploading", "Transcoding", "Blocked"),
          name: param("video", "%", "_"),
        }),
        fc
          .oneof(
            { weight: 6, arbitrary: fc.constant("vod") },
            { weight: 2, arbitrary: fc.constantFrom(...providerIds) },
            { weight: 2, arbitrary: hostileString },
          )
          .map((providerId) => ({ providerId })),
      ),
    },
    {
      method: "POST",
      path: "runs/preview",
      handler: previewRun,
      body: { schema: previewBodySchema, maxBytes: RUN_BODY_MAX_BYTES },
      callsProviders: true,
      input: bodyInput(
        fc.constant({}),
        bodies(
          runFields,
          { provider: "vod", ids: [fx.vodVideoId] },
          RUN_BODY_MAX_BYTES,
        ),
      ),
    },
    {
      // Never a valid confirmation (no body mentions "delete"): no run may start.
      method: "POST",
      path: "runs",
      handler: startRun,
      body: { schema: startRunBodySchema, maxBytes: RUN_BODY_MAX_BYTES },
      callsProviders: true,
      never2xx: true,
      input: bodyInput(
        fc.constant({}),
        bodies(
          {
            ...runFields,
            confirmation: field(
              fc.constantFrom("remove 1 video", "1 video", "yes", "DELETE", ""),
            ),
          },
          {
            provider: "vod",
            ids: [fx.vodVideoId],
            confirmation: "remove 1 video",
          },
          RUN_BODY_MAX_BYTES,
        ).filter((text) => !/delete/i.test(text)),
        fc.oneof(
          admin,
          fc
            .string({
              unit: fc
                .integer({ min: 0x20, max: 0x7e })
                .map((n) => String.fromCharCode(n)),
              maxLength: 300,
            })
            .map((key) => ({ ...fx.adminHeaders, "idempotency-key": key })),
        ),
      ),
    },
    {
      method: "POST",
      path: "runs/[runId]/retry-processing",
      handler: retryProcessing,
      paramsSchema: runIdParamsSchema,
      body: { schema: retryProcessingBodySchema, maxBytes: 1_000_000 },
      input: bodyInput(
        mostly({ runId: fx.runId }),
        bodies(
          {
            hours: field(hostileNumber, fc.constantFrom(1, 0.5, 720, 721, 0)),
            intervalMinutes: field(
              hostileNumber,
              fc.constantFrom(0.05, 0.04, 1440, 1441),
            ),
          },
          { hours: 1, intervalMinutes: 5 },
          1_000_000,
        ),
      ),
    },
    {
      method: "POST",
      path: "tokens",
      handler: createToken,
      body: { schema: createTokenBodySchema, maxBytes: 1_000_000 },
      input: bodyInput(
        fc.constant({}),
        bodies(
          {
            name: field(
              fc.constantFrom("nightly", " ", "x".repeat(100), "x".repeat(101)),
            ),
            userId: field(uuid, fc.constant(fx.victimId)),
            scope: field(fc.constantFrom("read", "operate", "admin", "READ")),
            expiresInDays: field(
              hostileNumber,
              fc.constantFrom(1, 90, 365, 366, 3650, 3651, 1.5),
            ),
          },
          {
            name: "fuzz",
            userId: fx.victimId,
            scope: "read",
            expiresInDays: 1,
          },
          1_000_000,
        ),
      ),
    },
    {
      method: "POST",
      path: "users",
      handler: createUser,
      body: { schema: createUserBodySchema, maxBytes: 1_000_000 },
      input: bodyInput(
        fc.constant({}),
        bodies(
          {
            email: field(
              fc.emailAddress(),
              fc.constantFrom("a@b", "@", "a@b.c ", "x".repeat(330) + "@e.st"),
            ),
            name: field(fc.constantFrom("Fuzz", " ", "x".repeat(201))),
            role: field(
              fc.constantFrom("viewer", "operator", "admin", "root", "Admin"),
            ),
            password: passwordish,
          },
          { email: "fuzz@erasure.test", role: "viewer", password: "short" },
          1_000_000,
        ),
      ),
    },
    {
      method: "PATCH",
      path: "users/[userId]",
      handler: updateUser,
      paramsSchema: userIdParamsSchema,
      body: { schema: updateUserBodySchema, maxBytes: 1_000_000 },
      input: bodyInput(
        mostly({ userId: fx.victimId }),
        bodies(
          {
            role: field(fc.constantFrom("viewer", "operator", "admin", "root")),
            disabled: field(fc.boolean(), fc.constantFrom("true", 0, 1)),
            name: field(
              fc.constantFrom(
                "Renamed",
                " ",
                "",
                "x".repeat(200),
                "x".repeat(201),
              ),
            ),
          },
          { name: "Renamed" },
          1_000_000,
        ),
      ),
    },
    {
      method: "POST",
      path: "users/[userId]/password",
      handler: resetPassword,
      paramsSchema: userIdParamsSchema,
      body: { schema: resetPasswordBodySchema, maxBytes: 16_384 },
      input: bodyInput(
        mostly({ userId: fx.victimId }),
        bodies({ newPassword: passwordish }, { newPassword: "short" }, 16_384),
      ),
    },
    {
      // A user of its own: wrong current passwords throttle their sign-ins, nobody else's.
      method: "POST",
      path: "me/password",
      handler: changeOwnPassword,
      body: { schema: changePasswordBodySchema, maxBytes: 16_384 },
      auditedRefusals: {
        statuses: [403, 429],
        actions: ["auth.sign_in_failed"],
      },
      input: bodyInput(
        fc.constant({}),
        bodies(
          { currentPassword: passwordish, newPassword: passwordish },
          { currentPassword: "not-the-password", newPassword: "short" },
          16_384,
        ),
        fc.constant(fx.selfHeaders),
      ),
    },
    {
      method: "GET",
      path: "audit/videos/[videoId]",
      handler: videoHistory,
      paramsSchema: null,
      input: pathInput("videoId", fc.oneof(fc.constant(fx.runVideoId), vodId)),
    },
    {
      method: "GET",
      path: "runs/[runId]",
      handler: getRun,
      paramsSchema: runIdParamsSchema,
      input: pathInput("runId", fc.oneof(fc.constant(fx.runId), uuid)),
    },
    {
      method: "GET",
      path: "runs/[runId]/events",
      handler: runEvents,
      paramsSchema: runIdParamsSchema,
      input: pathInput("runId", fc.oneof(fc.constant(fx.runId), uuid)),
    },
    // The mutations by path never name a real run or token: they stay 404s at best.
    {
      method: "POST",
      path: "runs/[runId]/cancel",
      handler: cancelRun,
      paramsSchema: runIdParamsSchema,
      input: pathInput("runId", uuid),
    },
    {
      method: "POST",
      path: "runs/[runId]/resume",
      handler: resumeRun,
      paramsSchema: runIdParamsSchema,
      input: pathInput("runId", uuid),
    },
    {
      method: "DELETE",
      path: "tokens/[tokenId]",
      handler: revokeToken,
      paramsSchema: tokenIdParamsSchema,
      input: pathInput("tokenId", uuid),
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// What the input must get, from the schemas the route uses (withOperator's order: path, query,
// body; within each, a NUL or lone surrogate first).

type Verdict = number[] | "accepted" | "unknown";

const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unstorable = (text: string) =>
  text.includes("\0") || LONE_SURROGATE.test(text);

/** A string or key PostgreSQL cannot store: U+0000, or half a surrogate pair. */
function holdsUnstorable(value: unknown): boolean {
  const stack = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === "string") {
      if (unstorable(item)) return true;
    } else if (item && typeof item === "object") {
      for (const [key, child] of Object.entries(item)) {
        if (unstorable(key)) return true;
        stack.push(child);
      }
    }
  }
  return false;
}

function verdict(endpoint: Endpoint, input: Input, req: Request): Verdict {
  if (holdsUnstorable(input.params)) return [400];
  if (endpoint.paramsSchema === null) return "unknown";
  if (
    endpoint.paramsSchema &&
    !endpoint.paramsSchema.safeParse(input.params).success
  )
    return [422];
  const query = Object.fromEntries(new URL(req.url).searchParams);
  if (holdsUnstorable(query)) return [400];
  if (endpoint.querySchema === null) return "unknown";
  if (endpoint.querySchema && !endpoint.querySchema.safeParse(query).success)
    return [422];
  if (!endpoint.body || input.body === undefined) return "accepted";
  if (Buffer.byteLength(input.body) > endpoint.body.maxBytes) return [413];
  const text = Buffer.from(input.body).toString("utf8"); // what the server decodes
  let parsed: unknown;
  if (text.trim() !== "") {
    try {
      // With a reviver, as the server parses (and as deep as it can).
      parsed = JSON.parse(text, (_key, value: unknown) => value);
    } catch {
      return [400];
    }
  }
  if (holdsUnstorable(parsed)) return [400];
  if (endpoint.body.schema === null) return "unknown";
  return endpoint.body.schema.safeParse(parsed).success ? "accepted" : [422];
}

async function eventsAfter(position: number): Promise<string[]> {
  const events = await executeRows<{ action: string }>(
    await getDb(),
    sql`select action from audit_events where position > ${position} order by position`,
  );
  return events.map((event) => event.action);
}

async function runCount(): Promise<number> {
  const [row] = await executeRows<{ n: number }>(
    await getDb(),
    sql`select count(*)::int as n from runs`,
  );
  return row!.n;
}

const newProviderCalls = newCallsReader(sandbox);

/** For the URL only (the handler gets the raw value): lone surrogates become U+FFFD. */
const safePath = (value: string) =>
  encodeURIComponent(Buffer.from(value).toString("utf8"));

// ---------------------------------------------------------------------------------------------

let fx: Fixtures;

beforeAll(async () => {
  const admin = await makeUser("admin", PASSWORD);
  const adminSession = await sessionCookie(admin.id);
  const sameOrigin = { origin: TEST_ORIGIN, "sec-fetch-site": "same-origin" };
  const self = await makeUser("viewer", PASSWORD);
  const runVideoId = randomBytes(16).toString("hex");
  const { id: runId } = await createRun(
    operatorOf(admin, { kind: "session", sessionId: adminSession.sessionId }),
    {
      provider: "vod",
      ids: [runVideoId, randomBytes(16).toString("hex")],
      confirmation: "delete 2 videos",
    },
    {},
  );
  const adminHeaders = { cookie: adminSession.cookie, ...sameOrigin };
  const firstPage = await listVideos(
    request("/api/providers/vod/videos?pageSize=2", { headers: adminHeaders }),
    routeContext({ providerId: "vod" }),
  );
  const { items, nextCursor } = (await firstPage.json()) as {
    items: { id: string }[];
    nextCursor: string;
  };
  fx = {
    adminHeaders,
    selfHeaders: {
      cookie: (await sessionCookie(self.id)).cookie,
      ...sameOrigin,
    },
    runId,
    runVideoId,
    victimId: (await makeUser("viewer", PASSWORD)).id,
    vodCursor: nextCursor,
    vodVideoId: items[0]!.id,
  };
  await newProviderCalls();
}, 60_000);

// Names only: the arbitraries need the fixtures, made in beforeAll.
const NAMES = endpoints({
  adminHeaders: {},
  selfHeaders: {},
  runId: "",
  runVideoId: "",
  victimId: "",
  vodCursor: "x",
  vodVideoId: "",
}).map((endpoint) => `${endpoint.method} /api/${endpoint.path}`);

describe(`hostile input (fast-check seed ${SEED}, ${RUNS} cases per endpoint; FUZZ_SEED=… to change)`, () => {
  it.each(NAMES.map((name, index) => [name, index] as const))(
    "%s: never a 5xx; a refusal records no event and calls no provider",
    async (name, index) => {
      const endpoint = endpoints(fx)[index]!;
      const statuses = new Map<number, number>();
      const runsBefore = await runCount();
      await newProviderCalls();
      let head = await auditHead();
      const started = Date.now();

      await fc.assert(
        fc.asyncProperty(endpoint.input, async (input) => {
          const url = `/api/${endpoint.path.replace(/\[([^\]]+)\]/g, (_, key: string) => safePath(input.params[key] ?? ""))}${input.query ? `?${input.query}` : ""}`;
          const req = request(url, {
            method: endpoint.method,
            headers: input.headers,
            body: input.body,
          });
          const expected = verdict(endpoint, input, req);
          const response = await endpoint.handler(
            req,
            routeContext(input.params),
          );
          const status = response.status;
          const text = await response.text().catch((error: unknown) => {
            throw new Error(
              `the ${status} answer failed while streaming: ${String(error)}`,
            );
          });
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          const events = await eventsAfter(head);
          head += events.length;
          const calls = endpoint.callsProviders ? await newProviderCalls() : [];

          expect(status, text.slice(0, 300)).toBeLessThan(500);
          expect(status).not.toBe(401);
          if (Array.isArray(expected))
            expect(expected, text.slice(0, 300)).toContain(status);
          if (endpoint.never2xx)
            expect(status, text.slice(0, 300)).toBeGreaterThanOrEqual(400);
          if (status < 400) return;
          const { error } = JSON.parse(text) as {
            error: { code: keyof typeof errorStatus; message: string };
          };
          expect(errorStatus[error.code]).toBe(status);
          expect(typeof error.message).toBe("string");
          const audited = endpoint.auditedRefusals;
          if (audited?.statuses.includes(status))
            expect(
              events.filter((action) => !audited.actions.includes(action)),
            ).toEqual([]);
          else expect(events, "a refused request records no event").toEqual([]);
          expect(calls, "a refused request calls no provider").toEqual([]);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );

      if (endpoint.never2xx) expect(await runCount()).toBe(runsBefore);
      // An endpoint that has no business with providers called none, whatever it answered.
      if (!endpoint.callsProviders)
        expect(await newProviderCalls()).toEqual([]);
      const summary = [...statuses.entries()]
        .sort(([a], [b]) => a - b)
        .map(([status, count]) => `${status}×${count}`)
        .join(" ");
      console.info(
        `${name}: ${RUNS} cases in ${Date.now() - started} ms: ${summary}`,
      );
    },
    600_000,
  );
});

// What the fuzzing above found, kept as plain tests with the failing input.
describe("inputs the fuzzing found", () => {
  it("a lone surrogate in a JSON body answers 400 (PATCH /api/users/{id} answered 500)", async () => {
    for (const body of [
      '{"name":"a\\ud800b"}',
      '{"name":"\\udc00"}',
      '{"role":"admin","name":"\\ude79x"}',
      '{"\\ud800":"x","name":"ok"}',
    ]) {
      const head = await auditHead();
      const response = await updateUser(
        request(`/api/users/${fx.victimId}`, {
          method: "PATCH",
          headers: fx.adminHeaders,
          body,
        }),
        routeContext({ userId: fx.victimId }),
      );
      expect(response.status, body).toBe(400);
      expect((await response.json()).error.code).toBe("bad_request");
      expect(await auditHead()).toBe(head);
    }
  });

  it("a lone surrogate in a path parameter answers 400 (GET /api/audit/videos/{id} answered 500 on PGlite)", async () => {
    const response = await videoHistory(
      request("/api/audit/videos/x", { headers: fx.adminHeaders }),
      routeContext({ videoId: "鉶\uDEB5쉲" }),
    );
    expect(response.status).toBe(400);
  });

  it("GET /api/audit/export with a date PostgreSQL cannot hold answers 422 and records nothing (it answered 200, recorded the export, then failed mid-stream)", async () => {
    const head = await auditHead();
    const response = await auditExport(
      request(
        "/api/audit/export?format=json&from=-036535-08-27T09:41:52.354Z&to=2099-12-31",
        { headers: fx.adminHeaders },
      ),
      routeContext(),
    );
    const text = await response.text().catch(String);
    expect(response.status, text).toBe(422);
    expect(await auditHead()).toBe(head);
  });
});

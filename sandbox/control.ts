// Control API under `/__sandbox/`: JSON in and out, no auth (server.ts admits loopback only).
// Tests, benchmarks and the demo use it to reset worlds, inject faults and read the call log.
import { z } from "zod";
import { configureLimits, PROVIDER_NAMES, type SandboxCore } from "./core";
import { applyFaultPatch, faultPatchSchema } from "./faults";
import type { ProviderName, SandboxResponse } from "./types";

const providerSchema = z.enum([
  "akool",
  "memories",
  "vod",
  "imagine",
]) satisfies z.ZodType<ProviderName>;
const MAX_SEED_COUNT = 100_000;

const resetBodySchema = z.strictObject({
  provider: providerSchema.optional(),
  seed: z.number().int().optional(),
  count: z.number().int().min(0).max(1_000_000).optional(),
});
const seedBodySchema = z.strictObject({
  provider: providerSchema,
  count: z.number().int().min(1).max(MAX_SEED_COUNT),
});
const faultsBodySchema = z.strictObject({
  provider: providerSchema.optional(),
  ...faultPatchSchema.shape,
});
const limitsBodySchema = z.looseObject({ provider: providerSchema });
const callsQuerySchema = z.strictObject({
  provider: providerSchema.optional(),
  since: z.coerce.number().int().min(0).optional(),
});
const providerQuerySchema = z.strictObject({ provider: providerSchema });
const missingQuerySchema = z.strictObject({
  provider: providerSchema,
  count: z.coerce.number().int().min(1).max(10_000).default(1),
});

const ok = (body: unknown, status = 200): SandboxResponse => ({
  status,
  body: JSON.stringify(body),
});
const fail = (
  status: number,
  code: string,
  message: string,
  issues?: unknown,
): SandboxResponse =>
  ok({ error: { code, message, ...(issues ? { issues } : {}) } }, status);

class BadRequest extends Error {
  constructor(
    message: string,
    readonly issues?: unknown,
  ) {
    super(message);
  }
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({
    path: i.path.join("."),
    message: i.message,
  }));
  throw new BadRequest("invalid input", issues);
}

function json(body: Buffer): unknown {
  const text = body.toString("utf8").trim();
  if (text === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadRequest("body is not valid JSON");
  }
}

interface ControlRequest {
  query: Record<string, string>;
  body: Buffer;
}

type Handler = (core: SandboxCore, req: ControlRequest) => SandboxResponse;

const allFaults = (core: SandboxCore) =>
  Object.fromEntries(
    PROVIDER_NAMES.map((name) => [name, core.slots[name].faults]),
  );
const allLimits = (core: SandboxCore) =>
  Object.fromEntries(
    PROVIDER_NAMES.map((name) => [
      name,
      core.slots[name].provider.limits?.() ?? null,
    ]),
  );

const ROUTES: Record<string, Partial<Record<string, Handler>>> = {
  "/health": {
    GET: (core) =>
      ok({ ok: true, ...core.defaults, providers: PROVIDER_NAMES }),
  },
  "/reset": {
    POST: (core, req) => {
      const body = parse(resetBodySchema, json(req.body));
      const seed = body.seed ?? core.defaults.seed;
      const count = body.count ?? core.defaults.count;
      const names = body.provider ? [body.provider] : PROVIDER_NAMES;
      for (const name of names) core.reset(name, seed, count);
      return ok({ seed, count, providers: names });
    },
  },
  "/seed": {
    POST: (core, req) => {
      const { provider, count } = parse(seedBodySchema, json(req.body));
      return ok({ ids: core.slots[provider].provider.seed(count) });
    },
  },
  "/faults": {
    GET: (core) => ok(allFaults(core)),
    PUT: (core, req) => {
      const { provider, ...patch } = parse(faultsBodySchema, json(req.body));
      for (const name of provider ? [provider] : PROVIDER_NAMES) {
        core.slots[name].faults = applyFaultPatch(
          core.slots[name].faults,
          patch,
        );
      }
      return ok(allFaults(core));
    },
  },
  "/limits": {
    GET: (core) => ok(allLimits(core)),
    PUT: (core, req) => {
      const { provider, ...patch } = parse(limitsBodySchema, json(req.body));
      const error = configureLimits(core.slots[provider].provider, patch);
      if (error) throw new BadRequest(error);
      return ok(allLimits(core));
    },
  },
  "/calls": {
    GET: (core, req) => ok(core.log.list(parse(callsQuerySchema, req.query))),
    DELETE: (core) => {
      core.log.clear();
      return ok({ cleared: true });
    },
  },
  "/videos": {
    GET: (core, req) => {
      const { provider } = parse(providerQuerySchema, req.query);
      return ok(core.slots[provider].provider.videos());
    },
  },
  "/missing": {
    GET: (core, req) => {
      const { provider, count } = parse(missingQuerySchema, req.query);
      return ok({ ids: core.slots[provider].provider.missingIds(count) });
    },
  },
  "/credentials": {
    GET: (core) =>
      ok(
        Object.fromEntries(
          PROVIDER_NAMES.map((name) => [
            name,
            core.slots[name].provider.credentials?.() ?? null,
          ]),
        ),
      ),
  },
};

/** Answers one control request; `path` is relative to `/__sandbox`. */
export function handleControl(
  core: SandboxCore,
  method: string,
  path: string,
  query: URLSearchParams,
  body: Buffer,
): SandboxResponse {
  const route = ROUTES[path.replace(/\/+$/, "") || "/"];
  if (!route) return fail(404, "not_found", `no control endpoint ${path}`);
  const handler = route[method.toUpperCase()];
  if (!handler)
    return fail(405, "method_not_allowed", `${method} not allowed on ${path}`);
  try {
    // `?provider=` (empty) means "not given", as in `GET /__sandbox/calls?provider=&since=`.
    const given = [...query].filter(([, value]) => value !== "");
    return handler(core, { query: Object.fromEntries(given), body });
  } catch (error) {
    if (error instanceof BadRequest)
      return fail(400, "bad_request", error.message, error.issues);
    throw error;
  }
}

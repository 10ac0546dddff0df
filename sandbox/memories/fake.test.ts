import { describe, expect, it } from "vitest";
import { createMemoriesSandbox } from "./fake";
import {
  memoriesCredentialsFromEnv,
  memoriesLimitsFromEnv,
  type MemoriesLimits,
} from "./limits";
import { mulberry32, reseedableRng } from "../rng";
import type { SandboxRequest, VideoState } from "../types";

const V1_DELETE = "/serve/api/v1/delete_videos";
const V11_DELETE = "/serve/api/video/delete_videos";
const V1_LIST = "/serve/api/v1/list_videos";
const V11_LIST = "/serve/api/video/list_videos";
const METADATA = "/serve/api/v1/get_metadata";
const SUCCESS =
  '{"code":"0000","msg":"success","data":null,"success":true,"failed":false}';
const error = (code: string, msg: string) =>
  ({ code, msg, data: null, success: false, failed: true }) as const;
const T0 = 1_760_000_000_000;

type Item = Record<string, unknown> & { video_no: string; status: string };
/** The §5 envelope as the tests read it; `data` is null on errors, which toEqual checks. */
interface Reply {
  code: string;
  cause?: string;
  data: Item & { total_count: number | string; videos: Item[] };
}

interface Init {
  method?: string;
  body?: unknown;
  raw?: string;
  query?: Record<string, string>;
  auth?: string | null;
  at?: number;
}

function setup(limits: Partial<MemoriesLimits> = {}) {
  const sandbox = createMemoriesSandbox(mulberry32(42));
  // Pinned so that a SANDBOX_MEMORIES_QPS in the environment cannot change the tests.
  expect(sandbox.configure?.({ qps: 5, ...limits })).toBeNull();
  const { apiKey, otherApiKey } = sandbox.credentials?.() ?? {};
  if (!apiKey || !otherApiKey) throw new Error("memories fake lists no keys");
  sandbox.reset(7, 40);
  let clock = T0;
  function send(path: string, init: Init = {}) {
    // 250 ms apart keeps ordinary tests under 5 QPS; rate-limit tests pin `at`.
    clock = init.at ?? clock + 250;
    const body = init.body === undefined ? "" : JSON.stringify(init.body);
    const res = sandbox.handle(
      {
        method: init.method ?? (path === METADATA ? "GET" : "POST"),
        path,
        query: new URLSearchParams(init.query),
        headers:
          init.auth === null ? {} : { authorization: init.auth ?? apiKey },
        body: Buffer.from(init.raw ?? body),
        host: "127.0.0.1",
      },
      clock,
    );
    if (!res) throw new Error(`unrouted ${path}`);
    return { ...res, json: JSON.parse(res.body) as Reply };
  }
  const code = (path: string, init: Init = {}) => send(path, init).json.code;
  const listed = (body: object, init: Init = {}) =>
    send(V1_LIST, { body, ...init }).json.data.videos.map((v) => v.video_no);
  const find = (predicate: (v: VideoState) => boolean) => {
    const match = sandbox.videos().find(predicate);
    if (!match) throw new Error("no such seeded video");
    return match;
  };
  const mine = (status = "PARSE") =>
    sandbox
      .videos()
      .filter((v) => v.owner === "console" && v.id.startsWith("VI"))
      .filter((v) => v.status === status);
  const isDeleted = (id: string) => find((v) => v.id === id).deleted;
  return {
    sandbox,
    apiKey,
    otherApiKey,
    send,
    code,
    listed,
    find,
    mine,
    isDeleted,
  };
}

describe("memories sandbox: auth (§2)", () => {
  it("answers a missing key with HTTP 401 code 0401", () => {
    const res = setup().send(V1_LIST, { body: {}, auth: null });
    expect(res.status).toBe(401);
    expect(res.json).toEqual(error("0401", "authorization invalid"));
  });

  it("answers a wrong or Bearer-prefixed key with code 9009, deleting nothing", () => {
    const { apiKey, send, mine, isDeleted } = setup();
    const id = mine()[0]!.id;
    for (const auth of ["sk-mavi-wrong", `Bearer ${apiKey}`]) {
      const res = send(V1_DELETE, { body: [id], auth });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ code: "9009", success: false });
    }
    expect(isDeleted(id)).toBe(false);
  });

  it("reads both keys and the QPS from the environment", () => {
    expect(memoriesCredentialsFromEnv({})).toEqual({
      apiKey: "sk-mavi-sandbox-memories-key",
      otherApiKey: "sk-mavi-sandbox-other-account",
    });
    const env = { SANDBOX_MEMORIES_API_KEY: "sk-mavi-x" };
    expect(memoriesCredentialsFromEnv(env).apiKey).toBe("sk-mavi-x");
    expect(memoriesLimitsFromEnv({}).qps).toBe(5);
    expect(memoriesLimitsFromEnv({ SANDBOX_MEMORIES_QPS: "50" }).qps).toBe(50);
    expect(memoriesLimitsFromEnv({ SANDBOX_MEMORIES_QPS: "x" }).qps).toBe(5);
  });
});

describe("memories sandbox: delete (§3)", () => {
  it("deletes through v1 and v1.1 with one overall answer", () => {
    const { send, listed, mine, isDeleted } = setup();
    const [a, b] = mine().map((v) => v.id);
    expect(listed({ video_nos: [a, b] }).sort()).toEqual([a, b].sort());
    const v1 = send(V1_DELETE, { body: [a] });
    const v11 = send(V11_DELETE, { body: [b] });
    expect([v1.status, v1.body, v11.status, v11.body]).toEqual([
      200,
      SUCCESS,
      200,
      SUCCESS,
    ]);
    expect(v1.call).toEqual({ operation: "delete", ids: [a] });
    expect([isDeleted(a!), isDeleted(b!)]).toEqual([true, true]);
    const after = send(V1_LIST, { body: { size: 100, video_nos: [a, b] } });
    expect(after.call).toEqual({ operation: "lookup", ids: [a, b] });
    expect(after.json.data).toEqual({
      current_page: 1,
      page_size: 100,
      total_count: 0,
      videos: [],
    });
  });

  it("rejects more than 100 IDs with 0001 and deletes none of them", () => {
    const { sandbox, send, mine, isDeleted } = setup();
    const id = mine()[0]!.id;
    const over = send(V1_DELETE, { body: [id, ...sandbox.missingIds(100)] });
    expect(over.json).toMatchObject({ code: "0001", failed: true });
    expect(isDeleted(id)).toBe(false);
    const full = send(V1_DELETE, { body: [id, ...sandbox.missingIds(99)] });
    expect(full.body).toBe(SUCCESS);
    expect(isDeleted(id)).toBe(true);
  });

  it("rejects a body that is not a JSON array of strings", () => {
    const { code } = setup();
    expect(code(V1_DELETE, { body: { video_nos: ["VI1"] } })).toBe("0001");
    expect(code(V1_DELETE, { body: [1, 2] })).toBe("0001");
    expect(code(V11_DELETE, { raw: "[" })).toBe("0001");
  });

  it("silently succeeds for IDs that never existed", () => {
    const { sandbox, send } = setup();
    const before = JSON.stringify(sandbox.videos());
    const missing = sandbox.missingIds(3);
    expect(missing.every((id) => /^VI\d{18}$/.test(id))).toBe(true);
    expect(new Set(missing).size).toBe(3);
    expect(send(V1_DELETE, { body: missing }).body).toBe(SUCCESS);
    expect(JSON.stringify(sandbox.videos())).toBe(before);
  });

  it("answers 0000 to a re-delete by default and 0409 when configured", () => {
    const plain = setup();
    const id = plain.mine()[0]!.id;
    expect(plain.send(V1_DELETE, { body: [id] }).body).toBe(SUCCESS);
    expect(plain.send(V1_DELETE, { body: [id] }).body).toBe(SUCCESS);

    const strict = setup({ redeleteCode: "0409" });
    const [gone, live] = strict.mine().map((v) => v.id);
    expect(strict.send(V1_DELETE, { body: [gone] }).body).toBe(SUCCESS);
    const again = strict.send(V1_DELETE, { body: [gone, live] });
    expect(again.json).toEqual(
      error("0409", "duplicate operation not allowed"),
    );
    expect(strict.isDeleted(live!)).toBe(true);
    const unknown = strict.sandbox.missingIds(1);
    expect(strict.send(V1_DELETE, { body: unknown }).body).toBe(SUCCESS);
  });

  it("keeps PI- imports, and UNPARSE videos when so configured, answering 0000", () => {
    const { send, find, mine, isDeleted } = setup({ unparseDeletable: false });
    const imported = find((v) => v.id.startsWith("PI-")).id;
    const pending = mine("UNPARSE")[0]!.id;
    expect(imported).toMatch(/^PI-\d{18}$/);
    const res = send(V1_DELETE, { body: [imported, pending] });
    expect(res.body).toBe(SUCCESS);
    expect([isDeleted(imported), isDeleted(pending)]).toEqual([false, false]);
  });
});

describe("memories sandbox: namespaces and accounts (§2)", () => {
  it("scopes by unique_id: delete query, list body, get_metadata query", () => {
    const { send, code, listed, find, isDeleted } = setup();
    const id = find((v) => v.owner === "archive").id;
    const archive = { unique_id: "archive" };
    expect(listed({ video_nos: [id] })).toEqual([]);
    expect(listed({ video_nos: [id], ...archive })).toEqual([id]);
    expect(listed({ video_nos: [id] }, { query: archive })).toEqual([]);
    expect(code(METADATA, { query: { video_no: id } })).toBe("0001");
    expect(code(METADATA, { query: { video_no: id, ...archive } })).toBe(
      "0000",
    );
    send(V1_DELETE, { body: [id] });
    send(V11_DELETE, { body: [id], query: archive });
    expect(isDeleted(id)).toBe(false);
    expect(send(V1_DELETE, { body: [id], query: archive }).body).toBe(SUCCESS);
    expect(isDeleted(id)).toBe(true);
  });

  it("leaves another account's video untouched and invisible", () => {
    const { otherApiKey, send, listed, find, isDeleted } = setup();
    const id = find((v) => v.owner === "other").id;
    expect(send(V1_DELETE, { body: [id] }).body).toBe(SUCCESS);
    expect(isDeleted(id)).toBe(false);
    expect(listed({ video_nos: [id] })).toEqual([]);
    expect(listed({ video_nos: [id] }, { auth: otherApiKey })).toEqual([id]);
    send(V1_DELETE, { body: [id], auth: otherApiKey });
    expect(isDeleted(id)).toBe(true);
  });
});

describe("memories sandbox: rate limits (§6)", () => {
  const throttled = error("0429", "too many requests, rate limit exceeded");

  it("answers the 6th delete within a second with 0429, apart from list", () => {
    const { sandbox, otherApiKey, send, code } = setup();
    const ids = sandbox.missingIds(1);
    const codes = [0, 100, 200, 300, 400, 500].map((ms) =>
      code(V1_DELETE, { body: ids, at: T0 + ms }),
    );
    expect(codes).toEqual(["0000", "0000", "0000", "0000", "0000", "0429"]);
    const v11 = send(V11_DELETE, { body: ids, at: T0 + 999 });
    expect([v11.status, v11.json]).toEqual([200, throttled]);
    expect(v11.body).toBe(sandbox.faultResponse("throttle").body);
    expect(code(V1_LIST, { body: {}, at: T0 + 999 })).toBe("0000");
    expect(
      code(V1_DELETE, { body: ids, at: T0 + 999, auth: otherApiKey }),
    ).toBe("0000");
    expect(code(V1_DELETE, { body: ids, at: T0 + 1000 })).toBe("0000");
  });

  it("answers the 6th list within a second with 0429", () => {
    const { send, code } = setup();
    const codes = [0, 1, 2, 3, 4, 5].map((ms) =>
      code(V11_LIST, { body: {}, at: T0 + ms }),
    );
    expect(codes).toEqual(["0000", "0000", "0000", "0000", "0000", "0429"]);
    expect(send(V1_LIST, { body: {}, at: T0 + 6 }).json).toEqual(throttled);
  });
});

describe("memories sandbox: list and look-up (§4, §4b)", () => {
  it("filters by status (FAILED as a synonym) and pages newest first", () => {
    const { sandbox, send, code, listed } = setup();
    const live = sandbox.videos().filter((v) => v.owner === "console");
    const parsed = live.filter((v) => v.status === "PARSE").map((v) => v.id);
    const page = (n: number) => ({ page: n, size: 10, status: "PARSE" });
    const first = send(V1_LIST, { body: page(1) }).json.data;
    expect(first).toMatchObject({ current_page: 1, page_size: 10 });
    expect(first.total_count).toBe(parsed.length);
    const pages = [1, 2, 3].flatMap((n) => listed(page(n)));
    expect(pages).toEqual(parsed.reverse());
    const failed = send(V1_LIST, { body: { status: "FAILED", size: 100 } });
    const errors = live.filter((v) => v.status === "PARSE_ERROR");
    expect(failed.json.data.total_count).toBe(errors.length);
    expect(failed.json.data.videos[0]!.status).toBe("PARSE_ERROR");
    expect(code(V1_LIST, { body: { status: "DONE" } })).toBe("0001");
    expect(code(V1_LIST, { body: { page: 0 } })).toBe("0001");
  });

  it("serves v1.1 with string numbers, partial names and query parameters", () => {
    const { sandbox, send, listed, mine } = setup();
    const video = mine()[0]!;
    const prefix = video.name.split("_")[0]!;
    const v11 = send(V11_LIST, {
      query: { page: "1", size: "50" },
      body: { video_name: prefix },
    });
    expect(v11.json).toMatchObject({
      code: "0000",
      cause: "null",
      data: { current_page: "1", page_size: "50" },
    });
    const item = v11.json.data.videos.find((v) => v.video_no === video.id);
    expect(typeof item?.duration).toBe("string");
    expect(typeof item?.create_time).toBe("string");
    // v1.1 has no video_nos (§4): the filter is ignored, not applied.
    const all = send(V11_LIST, { body: { video_nos: [video.id] } }).json.data;
    const live = sandbox.videos().filter((v) => v.owner === "console");
    expect(all.total_count).toBe(String(live.length));
    expect(listed({ video_name: prefix })).toEqual([]);
    expect(listed({ video_name: video.name })).toContain(video.id);
  });

  it("answers get_metadata with media fields, then 0001 once deleted", () => {
    const { sandbox, send, mine } = setup();
    const video = mine()[0]!;
    const res = send(METADATA, { query: { video_no: video.id } });
    expect(res.call).toEqual({ operation: "metadata", ids: [video.id] });
    expect(res.json.data).toMatchObject({
      video_no: video.id,
      video_name: video.name,
      status: "PARSE",
    });
    const fields = ["resolution_label", "fps", "width", "height", "duration"];
    expect(Object.keys(res.json.data)).toEqual(expect.arrayContaining(fields));
    send(V1_DELETE, { body: [video.id] });
    const notFound = error("0001", "video not found");
    const missing = sandbox.missingIds(1)[0]!;
    for (const id of [video.id, missing]) {
      expect(send(METADATA, { query: { video_no: id } }).json).toEqual(
        notFound,
      );
    }
    expect(send(METADATA).json.code).toBe("0001");
    expect(send(METADATA, { method: "POST" }).status).toBe(405);
  });
});

describe("memories sandbox: tunables (PUT /__sandbox/limits)", () => {
  it("rejects an invalid patch and applies a valid one", () => {
    const { sandbox } = setup();
    expect(sandbox.configure?.({ redeleteCode: "0410" })).toMatch(
      /^redeleteCode:/,
    );
    expect(sandbox.configure?.({ burst: 1 })).not.toBeNull();
    expect(sandbox.configure?.({ failedStatus: "FAILED", qps: 0 })).toBeNull();
    expect(sandbox.limits?.()).toEqual({
      qps: 0,
      redeleteCode: "0000",
      deleteData: "null",
      unparseDeletable: true,
      publicImportDeletable: false,
      failedStatus: "FAILED",
    });
  });

  it("spells the failed status FAILED everywhere when so configured", () => {
    const { sandbox, send, mine } = setup({ failedStatus: "FAILED" });
    const id = mine("FAILED")[0]!.id;
    expect(sandbox.videos().some((v) => v.status === "PARSE_ERROR")).toBe(
      false,
    );
    const meta = send(METADATA, { query: { video_no: id } });
    expect(meta.json.data.status).toBe("FAILED");
    const page = send(V1_LIST, { body: { status: "PARSE_ERROR", size: 100 } });
    expect(page.json.data.videos.map((v) => v.status)).toContain("FAILED");
  });

  it("sends data {} on success, deletes PI- imports, and drops the limit at qps 0", () => {
    const { send, find, isDeleted } = setup({
      deleteData: "object",
      publicImportDeletable: true,
      qps: 0,
    });
    const imported = find((v) => v.id.startsWith("PI-")).id;
    const codes = Array.from({ length: 20 }, () =>
      send(V1_DELETE, { body: [imported], at: T0 }),
    ).map((res) => res.json.code);
    expect(codes).toEqual(Array<string>(20).fill("0000"));
    expect(send(V1_DELETE, { body: [], at: T0 }).json.data).toEqual({});
    expect(isDeleted(imported)).toBe(true);
  });

  it("describes a request for the call log without acting on it", () => {
    const { sandbox, apiKey, mine, isDeleted } = setup();
    const id = mine()[0]!.id;
    const req: SandboxRequest = {
      method: "POST",
      path: V1_DELETE,
      query: new URLSearchParams(),
      headers: { authorization: apiKey },
      body: Buffer.from(JSON.stringify([id, 7])),
      host: "127.0.0.1",
    };
    expect(sandbox.describe?.(req)).toEqual({ operation: "delete", ids: [id] });
    expect(isDeleted(id)).toBe(false);
  });
});

describe("memories sandbox: state, seeding and faults", () => {
  it("keeps state across requests and restores the world on reset", () => {
    const { sandbox, send, mine, isDeleted } = setup();
    const id = mine()[0]!.id;
    send(V1_DELETE, { body: [id] });
    expect(isDeleted(id)).toBe(true);
    sandbox.reset(7, 40);
    expect(isDeleted(id)).toBe(false);
    expect(sandbox.videos()).toHaveLength(40);
  });

  it("reproduces the same world for a seed, with every status and owner", () => {
    const a = createMemoriesSandbox(mulberry32(1));
    const b = createMemoriesSandbox(mulberry32(1));
    expect(a.videos()).toEqual(b.videos());
    a.reset(99, 12);
    b.reset(99, 12);
    expect(a.seed(3)).toEqual(b.seed(3));
    expect(a.videos()).toEqual(b.videos());
    expect(a.videos()[0]).toEqual(FIRST_VIDEO_SEED_99);
    expect(a.missingIds(2)).toEqual(b.missingIds(2));
    const all = a.videos();
    const statuses = new Set(all.map((v) => v.status));
    expect(statuses).toEqual(new Set(["PARSE", "UNPARSE", "PARSE_ERROR"]));
    const owners = new Set(all.map((v) => v.owner));
    expect(owners).toEqual(new Set(["console", "archive", "other"]));
    a.reset(100, 12);
    expect(a.videos()[0]!.id).not.toBe(FIRST_VIDEO_SEED_99.id);
    // The core reseeds the fake's rng before reset; the world must not depend on that.
    const shared = reseedableRng(5);
    const viaCore = createMemoriesSandbox(shared.rng);
    shared.reseed(123);
    viaCore.reset(99, 12);
    expect(viaCore.videos()[0]).toEqual(FIRST_VIDEO_SEED_99);
  });

  it("formats injected faults the provider's way", () => {
    const { sandbox } = setup();
    const serverError = sandbox.faultResponse("server_error");
    expect(serverError.status).toBe(500);
    expect(JSON.parse(serverError.body)).toMatchObject({ code: "0500" });
    const malformed = sandbox.faultResponse("malformed");
    expect(malformed.status).toBe(200);
    expect(() => JSON.parse(malformed.body) as unknown).toThrow(SyntaxError);
  });

  it("does not serve other paths", () => {
    const { sandbox, apiKey } = setup();
    const req: SandboxRequest = {
      method: "POST",
      path: "/serve/api/v2/delete_videos",
      query: new URLSearchParams(),
      headers: { authorization: apiKey },
      body: Buffer.from("[]"),
      host: "127.0.0.1",
    };
    expect(sandbox.handle(req, T0)).toBeNull();
    expect(sandbox.describe?.(req)).toBeNull();
  });
});

// Pinned so that a change to the generator, which reshuffles every seeded demo, is noticed.
const FIRST_VIDEO_SEED_99: VideoState = {
  id: "VI644418944923822627",
  status: "PARSE",
  owner: "console",
  deleted: false,
  name: "launch_4723",
};

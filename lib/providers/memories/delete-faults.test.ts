import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { owned, setupSandbox } from "./testing";
import {
  startFaultProxy,
  type FaultProxy,
  type ProxiedCall,
} from "../../testing/endpoint-fault-proxy";

// What the memories.ai adapter reports when the look-ups work but delete_videos itself fails, or
// the delete is accepted but the look-up afterwards fails (docs/providers/memories.md §3, §8).
// A proxy in front of the sandbox fails one endpoint at a time; everything else is the sandbox.

const kit = setupSandbox();
let proxy: FaultProxy;

beforeAll(async () => {
  proxy = await startFaultProxy(kit.url);
});
afterAll(async () => {
  await proxy?.stop();
});
beforeEach(async () => {
  proxy.calls.length = 0;
  proxy.rule = () => ({ kind: "forward" });
});

const isDelete = (call: ProxiedCall) => call.url.includes("/delete_videos");
const envelope = (code: string, msg: string) =>
  JSON.stringify({
    code,
    msg,
    data: null,
    success: code === "0000",
    failed: code !== "0000",
  });
const viaProxy = (timeoutMs = 5_000) =>
  kit.adapter({ baseUrl: `${proxy.url}/memories`, timeoutMs });

/** A deletable video and a missing ID. */
async function batch() {
  const [parse] = await kit.pickIds(1, owned("PARSE"));
  const [missing] = await kit.missing(1);
  return { parse: parse!, missing: missing! };
}

describe("delete_videos fails; the look-up before worked", () => {
  const cases = [
    {
      name: "code 0429 (HTTP 200)",
      reply: { status: 200, body: envelope("0429", "too many requests") },
      expected: { code: "throttled", retryable: true },
    },
    {
      name: "HTTP 429 with Retry-After",
      reply: {
        status: 429,
        body: envelope("0429", "slow down"),
        headers: { "retry-after": "2" },
      },
      expected: { code: "throttled", retryable: true, retryAfterMs: 2000 },
    },
    {
      name: "HTTP 503",
      reply: { status: 503, body: "<html>Service Unavailable</html>" },
      expected: {
        code: "http_503",
        retryable: true,
        raw: "<html>Service Unavailable</html>",
      },
    },
    {
      name: "a body that is not the envelope",
      reply: { status: 200, body: '{"result":"ok"}' },
      expected: { code: "malformed", retryable: true, raw: '{"result":"ok"}' },
    },
    {
      name: "code 0001 (bad input)",
      reply: { status: 200, body: envelope("0001", "parameter incorrect") },
      expected: {
        code: "0001",
        message: "parameter incorrect",
        retryable: false,
      },
    },
    {
      name: "code 0402 (no credits)",
      reply: { status: 200, body: envelope("0402", "not enough points") },
      expected: { code: "0402", retryable: false },
    },
    {
      name: "code 9009 (permission denied)",
      reply: { status: 200, body: envelope("9009", "permission denied") },
      expected: { code: "auth", retryable: true },
    },
    {
      name: "code 0403 (account disabled)",
      reply: {
        status: 200,
        body: envelope("0403", "developer account disabled"),
      },
      expected: { code: "auth", retryable: true },
    },
  ];

  for (const { name, reply, expected } of cases) {
    it(`${name}: listed IDs fail, unlisted ones stay not_found`, async () => {
      const { parse, missing } = await batch();
      proxy.rule = (call) =>
        isDelete(call) ? { kind: "reply", ...reply } : { kind: "forward" };

      const outcomes = await viaProxy().delete([parse, missing]);

      expect(outcomes.get(parse)).toMatchObject({
        outcome: "failed",
        ...expected,
      });
      expect(outcomes.get(missing)).toMatchObject({ outcome: "not_found" });
      expect((await kit.truth()).get(parse)?.deleted).toBe(false);
      // No look-up after a failed delete: the worker confirms retryable ones itself.
      expect(proxy.calls.map((c) => (isDelete(c) ? "delete" : "list"))).toEqual(
        ["list", "delete"],
      );
    });
  }

  it("a reset connection on delete is a retryable network failure", async () => {
    const { parse, missing } = await batch();
    proxy.rule = (call) =>
      isDelete(call) ? { kind: "reset" } : { kind: "forward" };

    const outcomes = await viaProxy().delete([parse, missing]);

    expect(outcomes.get(parse)).toMatchObject({
      outcome: "failed",
      code: "network",
      retryable: true,
    });
    expect(outcomes.get(missing)).toMatchObject({ outcome: "not_found" });
  });

  it("a timeout after the provider acted is retryable, and the next look-up settles it", async () => {
    const { parse, missing } = await batch();
    proxy.rule = (call) =>
      isDelete(call) ? { kind: "forward_then_hang" } : { kind: "forward" };

    const outcomes = await viaProxy(400).delete([parse, missing]);

    expect(outcomes.get(parse)).toMatchObject({
      outcome: "failed",
      code: "timeout",
      retryable: true,
    });
    expect(outcomes.get(missing)).toMatchObject({ outcome: "not_found" });
    expect((await kit.truth()).get(parse)?.deleted).toBe(true);
    expect((await kit.adapter().lookup([parse])).get(parse)?.state).toBe(
      "not_found",
    );
  });
});

describe("delete_videos answers 0409 (§3 [doc inconsistency])", () => {
  const conflict = {
    status: 200,
    body: envelope("0409", "duplicate operation not allowed"),
  };

  it("is verified by look-up: gone afterwards ⇒ deleted", async () => {
    const { parse, missing } = await batch();
    proxy.rule = (call) =>
      isDelete(call)
        ? { kind: "reply", ...conflict, forwardFirst: true }
        : { kind: "forward" };

    const outcomes = await viaProxy().delete([parse, missing]);

    expect(outcomes.get(parse)).toMatchObject({
      outcome: "deleted",
      code: "0409",
      retryable: false,
    });
    expect(outcomes.get(missing)).toMatchObject({ outcome: "not_found" });
    expect((await kit.truth()).get(parse)?.deleted).toBe(true);
  });

  it("is verified by look-up: still listed ⇒ failed with what was seen", async () => {
    const { parse } = await batch();
    proxy.rule = (call) =>
      isDelete(call) ? { kind: "reply", ...conflict } : { kind: "forward" };

    const outcomes = await viaProxy().delete([parse]);

    expect(outcomes.get(parse)).toMatchObject({
      outcome: "failed",
      code: "still_present",
      retryable: false,
    });
    expect(outcomes.get(parse)?.message).toBe(
      'delete_videos answered 0409 "duplicate operation not allowed", but list_videos still shows it with status PARSE',
    );
    expect((await kit.truth()).get(parse)?.deleted).toBe(false);
  });

  for (const redeleteCode of ["0000", "0409"] as const) {
    it(`a video deleted by someone else after our look-up still ends deleted (sandbox redeleteCode ${redeleteCode})`, async () => {
      await kit.limits({ redeleteCode });
      const [shared, mine] = await kit.pickIds(2, owned("PARSE"));
      const competitor = kit.adapter();
      proxy.rule = (call) =>
        isDelete(call)
          ? { kind: "forward", before: () => competitor.delete([shared!]) }
          : { kind: "forward" };

      const outcomes = await viaProxy().delete([shared!, mine!]);

      expect(outcomes.get(shared!)).toMatchObject({
        outcome: "deleted",
        code: redeleteCode,
      });
      expect(outcomes.get(mine!)).toMatchObject({
        outcome: "deleted",
        code: redeleteCode,
      });
      const truth = await kit.truth();
      expect(truth.get(shared!)?.deleted).toBe(true);
      expect(truth.get(mine!)?.deleted).toBe(true);
    });
  }
});

describe("the look-up after an accepted delete fails", () => {
  const throttled = {
    kind: "reply" as const,
    status: 200,
    body: envelope("0429", "too many requests"),
  };
  const afterDelete = (failures: number) => {
    let failed = 0;
    return (call: ProxiedCall) => {
      const deleted = proxy.calls.some(
        (c) => isDelete(c) && c.index < call.index,
      );
      if (deleted && !isDelete(call) && failed < failures) {
        failed++;
        return throttled;
      }
      return { kind: "forward" as const };
    };
  };

  it("is repeated, so a passing throttle still ends deleted", async () => {
    const { parse } = await batch();
    proxy.rule = afterDelete(1);

    const outcomes = await viaProxy().delete([parse]);

    expect(outcomes.get(parse)).toMatchObject({
      outcome: "deleted",
      code: "0000",
    });
    expect(proxy.calls.map((c) => (isDelete(c) ? "delete" : "list"))).toEqual([
      "list",
      "delete",
      "list",
      "list",
    ]);
  });

  it("gives up after a few tries with a retryable failure that says the delete was accepted", async () => {
    const { parse } = await batch();
    proxy.rule = afterDelete(99);

    const outcomes = await viaProxy().delete([parse]);

    expect(outcomes.get(parse)).toMatchObject({
      outcome: "failed",
      code: "throttled",
      retryable: true,
    });
    expect(outcomes.get(parse)?.message).toMatch(
      /^delete_videos answered 0000 "success", but the look-up afterwards failed/,
    );
    expect(proxy.calls.filter((c) => !isDelete(c))).toHaveLength(4);
    expect((await kit.truth()).get(parse)?.deleted).toBe(true);
  });
});

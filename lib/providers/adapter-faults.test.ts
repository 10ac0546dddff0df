// The fault cases every adapter shares, run against all four through one sandbox: throttling,
// the provider's 5xx, a hang, a reset connection, a cut-off body and a rejected key. Each must fail
// every ID as retryable with the provider's own reading, never as a per-video answer (a bad key is
// never `forbidden`, docs/design.md §4), and must leave every video as it was. Cases only one
// provider has stay beside it (akool's token flow, memories' per-endpoint faults, VOD's signing).
import { describe, expect, it } from "vitest";
import {
  foreign,
  setupSandboxProcess,
  type FaultReading,
  type FaultReadings,
  type ProviderSandbox,
} from "@/lib/testing/provider-sandbox";
import type { FaultPatch } from "@/lib/testing/sandbox-control";
import * as akool from "./akool/testing";
import * as imagine from "./imagine/testing";
import * as memories from "./memories/testing";
import type { ProviderAdapter, ProviderId } from "./types";
import * as vod from "./vod/testing";

type Fault = "throttle" | "server_error" | "hang" | "reset" | "malformed";

const RATES: Record<Fault | "auth", keyof FaultPatch> = {
  throttle: "throttleRate",
  server_error: "errorRate",
  hang: "hangRate",
  reset: "resetRate",
  malformed: "malformedRate",
  auth: "authRate",
};

interface Subject {
  name: ProviderId;
  /** Sets the provider's kit up inside its describe block, on the file's one sandbox. */
  setup(): {
    kit: ProviderSandbox<unknown>;
    adapter(timeoutMs?: number): ProviderAdapter;
    /** The adapter with a credential the fake does not know. */
    wrongKey(): ProviderAdapter;
  };
  readings: FaultReadings;
}

const sandbox = setupSandboxProcess();
const TIMEOUT_MS = 300;

const TRANSPORT: Record<"hang" | "reset", FaultReading> = {
  hang: {
    status: 0,
    code: "timeout",
    message: `No answer within ${TIMEOUT_MS} ms.`,
  },
  reset: {
    status: 0,
    code: "network",
    message: expect.stringMatching(/^Connection failed: /),
  },
};

const SUBJECTS: Subject[] = [
  {
    name: "akool",
    setup() {
      const kit = akool.setupSandbox({ sandbox });
      return {
        kit,
        adapter: (timeoutMs) => kit.adapter({ timeoutMs }),
        wrongKey: () => kit.adapter({ apiKey: "wrong-key" }),
      };
    },
    readings: akool.FAULT_READINGS,
  },
  {
    name: "memories",
    setup() {
      const kit = memories.setupSandbox({ sandbox });
      return {
        kit,
        adapter: (timeoutMs) => kit.adapter({ timeoutMs }),
        wrongKey: () => kit.adapter({ apiKey: "sk-mavi-not-a-real-key" }),
      };
    },
    readings: memories.FAULT_READINGS,
  },
  {
    name: "vod",
    setup() {
      const kit = vod.setupSandbox({ sandbox });
      return {
        kit,
        adapter: (timeoutMs) => kit.adapter({ timeoutMs }),
        wrongKey: () => kit.adapter({ accessKeyId: "LTAI-not-a-key" }),
      };
    },
    readings: vod.FAULT_READINGS,
  },
  {
    name: "imagine",
    setup() {
      const kit = imagine.setupSandbox({ sandbox });
      return {
        kit,
        adapter: (timeoutMs) => kit.adapter({ timeoutMs }),
        wrongKey: () => kit.adapter({ apiKey: "vk-not-a-real-key" }),
      };
    },
    readings: imagine.FAULT_READINGS,
  },
];

describe.each(SUBJECTS)("$name adapter under common faults", (subject) => {
  const { kit, adapter, wrongKey } = subject.setup();
  const { readings } = subject;

  /** Two deletable videos of the console, another account's video and a missing ID. */
  async function batch() {
    const real = [
      ...(await kit.pickIds(2, readings.deletable)),
      ...(await kit.pickIds(1, foreign)),
    ];
    return { real, ids: [...real, ...(await kit.missing(1))] };
  }

  /**
   * Runs delete, lookup and healthCheck on `client` and checks that each ID failed as `reading`
   * says, what reached the provider, and that nothing was deleted.
   */
  async function expectEveryIdFailed(
    reading: FaultReading,
    { client, fault }: { client: ProviderAdapter; fault?: Fault | "auth" },
  ) {
    const { real, ids } = await batch();
    if (fault) await kit.faults({ [RATES[fault]]: 1 });
    // Answers after which a one-request-per-ID adapter sends nothing more.
    const refusal = fault === "throttle" || reading.code === "auth";
    const expected = (index: number, message: unknown) => ({
      code: reading.code,
      // The provider never saw the rest of a refused batch; the message says so.
      message:
        readings.perId && refusal && index > 0
          ? `not sent after an earlier refusal in this batch: ${String(message)}`
          : message,
      retryable: true,
      ...(reading.raw === undefined ? {} : { raw: reading.raw }),
    });
    const sent = (operation: string) =>
      (readings.perId && !refusal ? ids : ids.slice(0, 1)).map(() => ({
        operation,
        status: reading.status,
        fault,
      }));
    const log = async () =>
      (await kit.calls()).map((call) => ({
        operation: call.operation,
        status: call.status,
        fault: call.fault,
      }));

    const started = Date.now();
    const deleted = await client.delete(ids);
    // A hang costs each request timeoutMs, never the provider's silence.
    if (fault === "hang") expect(Date.now() - started).toBeLessThan(3_000);
    expect(deleted.size).toBe(ids.length);
    ids.forEach((id, index) =>
      expect(deleted.get(id), id).toEqual({
        outcome: "failed",
        ...expected(index, reading.message),
      }),
    );
    expect(await log()).toEqual(sent(readings.operations.delete));

    await kit.mark();
    const found = await client.lookup(ids);
    expect(found.size).toBe(ids.length);
    ids.forEach((id, index) =>
      expect(found.get(id), id).toEqual({
        state: "failed",
        ...expected(index, reading.lookupMessage ?? reading.message),
      }),
    );
    expect(await log()).toEqual(sent(readings.operations.lookup));

    expect(await client.healthCheck()).toEqual(
      reading.health ?? { ok: false, message: reading.message },
    );
    await kit.expectUntouched(real);
  }

  it("a throttled answer → throttled, retryable", async () => {
    await expectEveryIdFailed(
      { code: "throttled", ...readings.throttle },
      {
        client: adapter(),
        fault: "throttle",
      },
    );
  });

  it("a 5xx → the provider's server error, retryable", async () => {
    await expectEveryIdFailed(readings.server_error, {
      client: adapter(),
      fault: "server_error",
    });
  });

  it("a hang → timeout after the configured timeoutMs, retryable", async () => {
    await expectEveryIdFailed(TRANSPORT.hang, {
      client: adapter(TIMEOUT_MS),
      fault: "hang",
    });
  });

  it("a reset connection → network, retryable", async () => {
    await expectEveryIdFailed(TRANSPORT.reset, {
      client: adapter(),
      fault: "reset",
    });
  });

  it("a cut-off body → malformed, retryable, with the raw snippet", async () => {
    await expectEveryIdFailed(
      { code: "malformed", ...readings.malformed },
      {
        client: adapter(),
        fault: "malformed",
      },
    );
  });

  it("a wrong key → auth, retryable, never forbidden or not_found", async () => {
    await expectEveryIdFailed(
      { code: "auth", ...readings.auth },
      { client: wrongKey() },
    );
  });

  it("a revoked key (authRate) → auth, retryable, never forbidden or not_found", async () => {
    await expectEveryIdFailed(
      { code: "auth", ...readings.auth },
      {
        client: adapter(),
        fault: "auth",
      },
    );
  });

  it("recovers on the next call once the fault is gone", async () => {
    const [id] = await kit.pickIds(1, readings.deletable);
    const client = adapter();
    await kit.faults({ errorRate: 1 });
    expect((await client.delete([id!])).get(id!)).toMatchObject({
      outcome: "failed",
      code: readings.server_error.code,
    });
    await kit.faults({ errorRate: 0 });
    expect((await client.delete([id!])).get(id!)?.outcome).toBe("deleted");
    expect((await kit.video(id!)).deleted).toBe(true);
  });
});

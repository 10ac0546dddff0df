// The database gate: one bucket per budget key, and a worker's stop ends a wait instead of sending.
import { expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { RateBudget } from "@/lib/providers/rate-budget";
import {
  databaseRateGate,
  reserveRateSlot,
  withStopSignal,
} from "./rate-limit";

const slow: RateBudget = { key: "test:slow", requests: 1, perMs: 60_000 };

it("grants the first slot at once and spaces the next at 1/0.93 of the limit", async () => {
  const budget = { key: "test:spaced", requests: 10, perMs: 1000 };
  await getDb(); // PGlite's cold start is not the gate's
  const started = Date.now();
  await databaseRateGate(budget);
  expect(Date.now() - started).toBeLessThan(100);
  for (let i = 0; i < 2; i++) await databaseRateGate(budget);
  expect(Date.now() - started).toBeGreaterThanOrEqual(2 * 107 - 5);
});

it("gives waiters that ask together consecutive slots, none lost and none shared", async () => {
  const budget = { key: "test:together", requests: 20, perMs: 1000 };
  const started = Date.now();
  const times = await Promise.all(
    Array.from({ length: 8 }, async () => {
      await databaseRateGate(budget);
      return Date.now() - started;
    }),
  );
  times.sort((a, b) => a - b);
  // Slots 54 ms apart: the eighth is 7 slots (376 ms) after the first, and not much later;
  // without slots all eight would pass at once.
  expect(times[7]! - times[0]!).toBeGreaterThanOrEqual(340);
  expect(times[7]!).toBeLessThan(7 * 54 + 400);
});

it("ends a wait when the worker stops, and refuses the batch's answers", async () => {
  await databaseRateGate(slow); // the only token for a minute
  const controller = new AbortController();
  const started = Date.now();
  setTimeout(() => controller.abort(), 200);
  // An adapter that turns the refusal into answers (as memories.ai does) still gets none recorded.
  const swallowing = async () => {
    try {
      await databaseRateGate(slow);
      return "sent";
    } catch {
      return "failed: internal";
    }
  };
  await expect(withStopSignal(controller.signal, swallowing)).rejects.toThrow(
    "stopped",
  );
  expect(Date.now() - started).toBeLessThan(5_000);
  // The stopped waiter's slot was handed back: the next waits for one slot, not two.
  const { waitMs } = await reserveRateSlot(await getDb(), slow);
  expect(waitMs).toBeGreaterThan(55_000);
  expect(waitMs).toBeLessThanOrEqual(64_600); // one spacing: 60 s ÷ 0.93
});

it("lets calls through untouched while the worker runs", async () => {
  const controller = new AbortController();
  await expect(
    withStopSignal(controller.signal, async () => {
      await databaseRateGate({ ...slow, key: "test:free" });
      return "sent";
    }),
  ).resolves.toBe("sent");
});

// The database gate: one bucket per budget key, and a worker's stop ends a wait instead of sending.
import { expect, it } from "vitest";
import type { RateBudget } from "@/lib/providers/rate-budget";
import { databaseRateGate, withStopSignal } from "./rate-limit";

const slow: RateBudget = { key: "test:slow", requests: 1, perMs: 60_000 };

it("grants the first token at once and the next only after the refill", async () => {
  const budget = { key: "test:spaced", requests: 10, perMs: 1000 };
  const started = Date.now();
  for (let i = 0; i < 3; i++) await databaseRateGate(budget);
  expect(Date.now() - started).toBeGreaterThanOrEqual(2 * 111 - 5);
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

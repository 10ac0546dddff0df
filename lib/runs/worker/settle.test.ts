// The in-doubt resolution table (docs/design.md §2): every pre-state × look-up now × answer.
import { describe, expect, it } from "vitest";
import type { LookupResult, OutcomeResult } from "@/lib/providers/types";
import type { PreState } from "@/lib/runs/vocabulary";
import { planBeforeSend, preStateOf, settleAnswer } from "./settle";

const lookups: Record<string, LookupResult> = {
  exists: { state: "exists", status: "Normal" },
  processing: { state: "processing", status: "2" },
  not_found: { state: "not_found", message: "not listed" },
  forbidden: { state: "forbidden", message: "another account's" },
  failed: {
    state: "failed",
    code: "throttled",
    message: "slow down",
    retryable: true,
    retryAfterMs: 2_000,
  },
};
const preStates: (PreState | null)[] = ["present", "absent", "foreign", null];

describe("preStateOf", () => {
  it.each([
    ["exists", "present"],
    ["processing", "present"],
    ["not_found", "absent"],
    ["forbidden", "foreign"],
    ["failed", null],
  ] as const)("%s → %s", (state, expected) => {
    expect(preStateOf(lookups[state])).toBe(expected);
  });

  it("no answer for the ID → unknown", () => {
    expect(preStateOf(undefined)).toBeNull();
  });
});

describe("planBeforeSend: an item in doubt (an earlier call's answer was lost)", () => {
  const inDoubt = (preState: PreState | null) => ({ inDoubt: true, preState });

  it.each([
    ["present", "deleted", "confirmed_gone"],
    ["absent", "not_found", "absent_before"],
    ["foreign", "forbidden", "foreign_before"],
    [null, "failed", "in_doubt"],
  ] as const)(
    "pre-state %s, gone now → %s (%s), nothing sent",
    (preState, outcome, code) => {
      for (const answersPerId of [true, false]) {
        const plan = planBeforeSend(
          inDoubt(preState),
          lookups.not_found,
          answersPerId,
        );
        expect(plan).toMatchObject({
          kind: "settled",
          result: { outcome, code, retryable: false },
        });
      }
    },
  );

  it.each(preStates)(
    "pre-state %s, still there now → sent again as present",
    (preState) => {
      for (const now of ["exists", "processing"] as const) {
        expect(planBeforeSend(inDoubt(preState), lookups[now], true)).toEqual({
          kind: "send",
          preState: "present",
        });
        expect(planBeforeSend(inDoubt(preState), lookups[now], false)).toEqual({
          kind: "send",
          preState: "present",
        });
      }
    },
  );

  it.each(preStates)(
    "pre-state %s, another account's now → sent again as foreign",
    (preState) => {
      expect(
        planBeforeSend(inDoubt(preState), lookups.forbidden, true),
      ).toEqual({ kind: "send", preState: "foreign" });
    },
  );

  it.each(preStates)(
    "pre-state %s, look-up failed or silent → stays in doubt, retried later, nothing sent",
    (preState) => {
      const failed = planBeforeSend(inDoubt(preState), lookups.failed, true);
      expect(failed).toMatchObject({
        kind: "retry",
        result: {
          outcome: "failed",
          code: "throttled",
          retryable: true,
          retryAfterMs: 2_000,
        },
      });
      expect((failed as { result: OutcomeResult }).result.message).toMatch(
        /interrupted/,
      );
      expect(planBeforeSend(inDoubt(preState), undefined, false)).toMatchObject(
        {
          kind: "retry",
          result: { code: "lookup_failed", retryable: true },
        },
      );
    },
  );
});

describe("planBeforeSend: a fresh item (nothing sent yet)", () => {
  const fresh = { inDoubt: false, preState: null };

  it("present or processing → sent with pre-state present", () => {
    expect(planBeforeSend(fresh, lookups.exists, true)).toEqual({
      kind: "send",
      preState: "present",
    });
    expect(planBeforeSend(fresh, lookups.processing, false)).toEqual({
      kind: "send",
      preState: "present",
    });
  });

  it("absent, provider answers per ID → sent, so the provider's own answer is recorded", () => {
    expect(planBeforeSend(fresh, lookups.not_found, true)).toEqual({
      kind: "send",
      preState: "absent",
    });
  });

  it("absent, provider answers only overall → not_found, never sent (G3)", () => {
    expect(planBeforeSend(fresh, lookups.not_found, false)).toMatchObject({
      kind: "settled",
      result: { outcome: "not_found", retryable: false },
    });
  });

  it("another account's → sent with pre-state foreign", () => {
    expect(planBeforeSend(fresh, lookups.forbidden, true)).toEqual({
      kind: "send",
      preState: "foreign",
    });
  });

  it("look-up failed → retried later, nothing sent", () => {
    expect(planBeforeSend(fresh, lookups.failed, true)).toMatchObject({
      kind: "retry",
      result: { outcome: "failed", code: "throttled", retryable: true },
    });
  });
});

describe("settleAnswer: the provider's answer read with the pre-state", () => {
  const answers: Record<string, OutcomeResult> = {
    deleted: { outcome: "deleted", retryable: false },
    not_found: {
      outcome: "not_found",
      code: "NonExist",
      message: "no such video",
      retryable: false,
    },
    forbidden: { outcome: "forbidden", retryable: false },
    processing: { outcome: "processing", retryable: true },
    failed: { outcome: "failed", code: "timeout", retryable: true },
  };

  it("not found for a video the look-up just saw here → deleted (G2), the answer kept", () => {
    expect(settleAnswer("present", answers.not_found!)).toMatchObject({
      outcome: "deleted",
      code: "confirmed_gone",
      retryable: false,
    });
    expect(settleAnswer("present", answers.not_found!).message).toMatch(
      /no such video/,
    );
  });

  it.each(["absent", "foreign"] as const)(
    "not found with pre-state %s stays not_found",
    (preState) => {
      expect(settleAnswer(preState, answers.not_found!)).toEqual(
        answers.not_found,
      );
    },
  );

  it.each(["present", "absent", "foreign"] as const)(
    "every other answer with pre-state %s is the provider's own",
    (preState) => {
      for (const key of ["deleted", "forbidden", "processing", "failed"]) {
        expect(settleAnswer(preState, answers[key]!)).toEqual(answers[key]);
      }
    },
  );
});

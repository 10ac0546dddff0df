import { describe, expect, it } from "vitest";
import { callVod } from "./rpc";
import { formBody, signedRpcParams, signRpc } from "./signing";
import { foreign, owned, setupSandbox } from "./testing";
import { readResponse } from "./wire";

// Contract tests for VOD's own documented errors (vod.md §6, §9, §12): signature mismatches, nonce
// and timestamp refusals, request errors. After every failure the sandbox's true state must show
// that nothing was deleted by mistake. An unknown AccessKeyId and the injected faults every adapter
// shares are in ../adapter-faults.test.ts.

const vod = setupSandbox();

describe("rejected credentials → auth, retryable, never forbidden (docs/design.md §4)", () => {
  for (const signatureMismatchStatus of [400, 403]) {
    it(`wrong secret: SignatureDoesNotMatch as HTTP ${signatureMismatchStatus}`, async () => {
      await vod.limits({ signatureMismatchStatus });
      const ids = [
        ...(await vod.pickIds(2, owned())),
        ...(await vod.pickIds(1, foreign)),
      ];
      await vod.mark();
      const outcomes = await vod
        .adapter({ accessKeySecret: "not-the-secret" })
        .delete(ids);
      for (const id of ids) {
        const outcome = outcomes.get(id);
        expect(outcome).toMatchObject({
          outcome: "failed",
          code: "auth",
          retryable: true,
        });
        expect(outcome?.message).toMatch(
          /^credentials rejected by ApsaraVideo VOD: SignatureDoesNotMatch: .*server string to sign is:POST&%2F&/,
        );
      }
      expect((await vod.calls()).map((c) => c.status)).toEqual([
        signatureMismatchStatus,
      ]);
      await vod.expectUntouched(ids);
      const looked = await vod
        .adapter({ accessKeySecret: "not-the-secret" })
        .lookup(ids);
      expect(looked.get(ids[0]!)).toMatchObject({
        state: "failed",
        code: "auth",
        retryable: true,
      });
    });
  }
});

describe("signature (vod.md §9) against the sandbox", () => {
  const send = (body: string) =>
    fetch(`${vod.baseUrl}/`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });

  it("accepts a request signed by our helper and refuses the same request tampered", async () => {
    const [a, b] = await vod.pickIds(2, owned());
    const signed = signedRpcParams(
      "POST",
      "DeleteVideo",
      { VideoIds: a! },
      vod.credentials,
    );
    // Same signature, one more ID slipped in (and a fresh nonce, so only the signature can fail).
    const tampered = {
      ...signed,
      VideoIds: `${a},${b}`,
      SignatureNonce: `${signed.SignatureNonce}x`,
    };
    const refused = await send(formBody(tampered));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({
      Code: "SignatureDoesNotMatch",
    });
    await vod.expectUntouched([a!, b!]);

    const accepted = await send(formBody(signed));
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ RequestId: expect.any(String) });
    const state = new Map((await vod.videos()).map((v) => [v.id, v]));
    expect(state.get(a!)?.deleted).toBe(true);
    expect(state.get(b!)?.deleted).toBe(false);
  });

  it("gets XML when Format is left out (§3), which the adapter would read as malformed", async () => {
    const [a] = await vod.pickIds(1, owned());
    const { Format, Signature, ...params } = signedRpcParams(
      "POST",
      "GetVideoInfos",
      { VideoIds: a! },
      vod.credentials,
    );
    expect([Format, typeof Signature]).toEqual(["JSON", "string"]);
    const body = formBody({
      ...params,
      Signature: signRpc("POST", params, vod.credentials.accessKeySecret),
    });
    const response = await send(body);
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).toMatch(/^<\?xml/);
    expect(readResponse(response.status, text)).toMatchObject({
      ok: false,
      failure: { code: "malformed" },
    });
  });

  it("a reused nonce is SignatureNonceUsed: failed, retryable (the next call re-signs)", async () => {
    const [missing] = await vod.missing(1);
    const nonce = "11111111-2222-4333-8444-555555555555";
    const first = await callVod(
      vod.client(),
      "GetVideoInfos",
      { VideoIds: missing! },
      { nonce },
    );
    expect(first).toMatchObject({
      ok: false,
      failure: { code: "InvalidVideo.NotFound" },
    });
    const replay = await callVod(
      vod.client(),
      "GetVideoInfos",
      { VideoIds: missing! },
      { nonce },
    );
    expect(replay).toEqual({
      ok: false,
      failure: {
        outcome: "failed",
        code: "SignatureNonceUsed",
        message: "Specified signature nonce was used already.",
        retryable: true,
      },
    });
  });

  it("a Timestamp 20 minutes off is InvalidTimeStamp.Expired: failed, retryable", async () => {
    const now = new Date(Date.now() - 20 * 60 * 1000);
    const result = await callVod(
      vod.client(),
      "DeleteVideo",
      { VideoIds: "0".repeat(32) },
      { now },
    );
    expect(result).toMatchObject({
      ok: false,
      failure: {
        outcome: "failed",
        code: "InvalidTimeStamp.Expired",
        retryable: true,
      },
    });
  });
});

describe("request errors (not retryable)", () => {
  for (const idCapMode of ["combined", "per_list"] as const) {
    it(`VideoIdsExceededMax for 21 IDs (idCapMode: ${idCapMode})`, async () => {
      await vod.limits({ idCapMode });
      const ids = await vod.pickIds(21, owned());
      const result = await callVod(vod.client(), "DeleteVideo", {
        VideoIds: ids.join(","),
      });
      expect(result).toMatchObject({
        ok: false,
        failure: {
          outcome: "failed",
          code: "VideoIdsExceededMax",
          retryable: false,
        },
      });
      await vod.expectUntouched(ids);
      // 20 VideoIds + 1 ReferenceId: over the cap only when the lists count together.
      const mixed = await callVod(vod.client(), "GetVideoInfos", {
        VideoIds: ids.slice(0, 20).join(","),
        ReferenceIds: "no-such-ref",
      });
      expect(mixed.ok).toBe(idCapMode === "per_list");
    });
  }

  it("MissingParameter when no ID list is sent", async () => {
    const result = await callVod(vod.client(), "DeleteVideo", {});
    expect(result).toMatchObject({
      ok: false,
      failure: { code: "MissingParameter", retryable: false },
    });
  });
});

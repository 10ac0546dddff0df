// Contract tests of the Imagine.art adapter against the sandbox (docs/providers/imagine.md §1,
// §4, §8): configurable delete method and path, the 405 fallback, look-up and health.
import { describe, expect, it } from "vitest";
import { foreign, owned, setupSandbox } from "./testing";

const env = setupSandbox();
const { adapter, calls, limits, missing, pick } = env;

describe("imagine adapter: configured endpoints", () => {
  it("honours a configured method and path, and a base ending in /v2", async () => {
    const [a, b, c] = await pick(3, owned("finished"));
    const current = adapter({ deletePath: "/v2/video/{id}" });
    expect((await current.delete([a!.id])).get(a!.id)?.outcome).toBe("deleted");
    const post = adapter({ deleteMethod: "POST" });
    expect((await post.delete([b!.id])).get(b!.id)?.outcome).toBe("deleted");
    const v2 = adapter({ baseUrl: `${env.url}/imagine/v2/` });
    expect((await v2.delete([c!.id])).get(c!.id)?.outcome).toBe("deleted");
    expect((await calls()).map((x) => `${x.method} ${x.path}`)).toEqual([
      `DELETE /v2/video/${a!.id}`,
      `POST /v2/video/delete/${b!.id}`,
      `DELETE /v2/video/delete/${c!.id}`,
    ]);
  });

  it("on 405 switches DELETE→POST once and keeps POST afterwards (§8)", async () => {
    await limits({ deleteMethods: ["POST"] });
    const [a, b] = await pick(2, owned("finished"));
    const result = await adapter().delete([a!.id, b!.id]);
    expect(result.get(a!.id)?.outcome).toBe("deleted");
    expect(result.get(b!.id)?.outcome).toBe("deleted");
    expect((await calls()).map((c) => `${c.method} ${c.status}`)).toEqual([
      "DELETE 405",
      "POST 200",
      "POST 200",
    ]);
  });

  it("never reports not_found for a 404 that is not Imagine's envelope (wrong path)", async () => {
    const [video] = await pick(1, owned("finished"));
    const wrong = adapter({ deletePath: "/v2/videos/remove/{id}" });
    const result = await wrong.delete([video!.id]);
    expect(result.get(video!.id)).toMatchObject({
      outcome: "failed",
      code: "http_404",
      retryable: false,
    });
    expect(result.get(video!.id)?.raw).toContain("does not serve");
    expect((await env.video(video!.id)).deleted).toBe(false);
  });
});

describe("imagine adapter: lookup and health", () => {
  it("looks up integer IDs on the current path and UUIDs on the deprecated one", async () => {
    const [done] = await pick(1, owned("finished"));
    const [running] = await pick(1, owned("processing"));
    const [theirs] = await pick(1, foreign);
    const [gone] = await missing(1);
    const a = adapter();
    const result = await a.lookup([
      done!.id,
      running!.uuid!,
      theirs!.id,
      gone!,
    ]);
    // §4: the current endpoint's `code` is opaque, so it is kept but not interpreted.
    expect(result.get(done!.id)).toMatchObject({
      state: "exists",
      status: "2",
    });
    expect(result.get(done!.id)?.name).toBe(done!.name.replace(/ #\d+$/, ""));
    expect(result.get(running!.uuid!)).toEqual({
      state: "processing",
      status: "processing",
    });
    expect(result.get(theirs!.id)?.state).toBe("not_found");
    expect(result.get(gone!)).toMatchObject({
      state: "not_found",
      code: "1100",
    });
    expect((await calls()).map((c) => c.path)).toEqual([
      `/v2/video/${done!.id}/status`,
      `/v2/video/status/${running!.uuid!}`,
      `/v2/video/${theirs!.id}/status`,
      `/v2/video/${gone}/status`,
    ]);
  });

  it("looks up under the other readings: 403 forbidden, 400/1100 not found, finished UUID", async () => {
    await limits({ foreignId: "forbidden", unknownIdStatus: 400 });
    const [theirs] = await pick(1, foreign);
    const [done] = await pick(1, owned("finished"));
    const [gone] = await missing(1);
    const result = await adapter().lookup([theirs!.id, gone!, done!.uuid!]);
    expect(result.get(theirs!.id)).toMatchObject({ state: "forbidden" });
    expect(result.get(gone!)).toMatchObject({
      state: "not_found",
      code: "1100",
    });
    expect(result.get(done!.uuid!)).toEqual({
      state: "exists",
      status: "finished",
    });
  });

  it("healthCheck accepts the sandbox key and reports the provider's refusal", async () => {
    expect(await adapter().healthCheck()).toEqual({
      ok: true,
      message: "credentials accepted",
    });
    const bad = await adapter({ apiKey: "vk-wrong" }).healthCheck();
    expect(bad.ok).toBe(false);
    expect(bad.message).toContain("The provided bearer token is invalid.");
    const none = await adapter({ apiKey: "" }).healthCheck();
    expect(none).toEqual({
      ok: false,
      message: "Bearer token is missing. (code 1000 BadRequest)",
    });
  });
});

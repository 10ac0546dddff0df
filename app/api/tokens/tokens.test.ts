// API tokens through their route handlers: who issued them, what they may do, how long they live,
// that they die with their user, and that no answer ever carries a hash of a secret.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { executeRows } from "@/lib/db/open-db";
import {
  browserHeaders,
  makeUser,
  request,
  routeContext,
} from "@/lib/testing/fixtures";
import { GET as verify } from "../audit/verify/route";
import { GET as me } from "../me/route";
import { DELETE as revokeToken } from "./[tokenId]/route";
import { GET as listTokens, POST as createToken } from "./route";
import { PATCH as patchUser } from "../users/[userId]/route";

// Read before the first getEnv(): a deployment allows tokens of at most 120 days.
process.env.ERASURE_TOKEN_MAX_DAYS = "120";

const DAY_MS = 86_400_000;
const sha256 = (text: string) =>
  createHash("sha256").update(text).digest("hex");

let alice: { id: string; email: string };
let aliceHeaders: Record<string, string>;

beforeAll(async () => {
  alice = await makeUser("admin");
  aliceHeaders = await browserHeaders(alice.id);
});

async function issue(body: Record<string, unknown>) {
  const response = await createToken(
    request("/api/tokens", { method: "POST", headers: aliceHeaders, body }),
    routeContext(),
  );
  return { status: response.status, body: await response.json() };
}

const asToken = (token: string) => ({ authorization: `Bearer ${token}` });

async function rows<T = Record<string, unknown>>(
  query: ReturnType<typeof sql>,
) {
  return executeRows<T>(await getDb(), query);
}

describe("POST and GET /api/tokens", () => {
  it("never answer a hash of the secret", async () => {
    const bob = await makeUser("operator");
    const created = await issue({ name: "no-hash", userId: bob.id });
    expect(created.status).toBe(201);
    const { token, summary } = created.body;
    expect(token).toMatch(/^era_/);
    const hash = sha256(token);
    const [stored] = await rows<{ token_hash: string }>(
      sql`select token_hash from api_tokens where id = ${summary.id}`,
    );
    expect(stored!.token_hash).toBe(hash); // the hash we look for is the one stored
    expect(Object.keys(summary)).not.toContain("tokenHash");
    expect(JSON.stringify(created.body)).not.toContain(hash);

    const list = await listTokens(
      request("/api/tokens", { headers: aliceHeaders }),
      routeContext(),
    );
    const listed = await list.json();
    expect(listed.tokens.some((t: { id: string }) => t.id === summary.id)).toBe(
      true,
    );
    expect(JSON.stringify(listed)).not.toContain(hash);
    expect(JSON.stringify(listed)).not.toMatch(/tokenHash|token_hash/);
  });

  it("issue a token with a scope, an expiry and its issuer; 90 days unless asked, never beyond the maximum", async () => {
    const bob = await makeUser("operator");
    const before = Date.now();
    const plain = await issue({ name: "default-expiry", userId: bob.id });
    expect(plain.body.summary).toMatchObject({
      userEmail: bob.email,
      issuedBy: alice.email,
      scope: "operate",
      lastUsedAt: null,
      revokedAt: null,
    });
    const expires = new Date(plain.body.summary.expiresAt).getTime();
    expect(expires).toBeGreaterThanOrEqual(before + 90 * DAY_MS);
    expect(expires).toBeLessThanOrEqual(Date.now() + 90 * DAY_MS);

    const short = await issue({
      name: "a-week",
      userId: bob.id,
      scope: "read",
      expiresInDays: 7,
    });
    expect(short.body.summary.scope).toBe("read");
    expect(
      new Date(short.body.summary.expiresAt).getTime() - Date.now(),
    ).toBeLessThanOrEqual(7 * DAY_MS);

    const tooLong = await issue({
      name: "forever",
      userId: bob.id,
      expiresInDays: 121,
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error.message).toContain("120 days");
  });
});

describe("a token at work", () => {
  it("records its issuer in every event it causes, and when it was last used", async () => {
    const bob = await makeUser("operator");
    const { body } = await issue({ name: "nightly", userId: bob.id });
    const answer = await verify(
      request("/api/audit/verify", { headers: asToken(body.token) }),
      routeContext(),
    );
    expect(answer.status).toBe(200);
    const [event] = await rows<{ actor: string; actor_id: string }>(
      sql`select actor, actor_id from audit_events where action = 'audit.verified'
          order by position desc limit 1`,
    );
    expect(event).toEqual({
      actor: `token "nightly" of ${bob.email} issued by ${alice.email}`,
      actor_id: bob.id,
    });
    const [used] = await rows<{ last_used_at: Date | string | null }>(
      sql`select last_used_at from api_tokens where id = ${body.summary.id}`,
    );
    expect(used!.last_used_at).not.toBeNull();
  });

  it("with scope read, may only GET", async () => {
    const { body } = await issue({ name: "reader", scope: "read" });
    const headers = asToken(body.token);
    expect(
      (await me(request("/api/me", { headers }), routeContext())).status,
    ).toBe(200);
    expect(
      (await listTokens(request("/api/tokens", { headers }), routeContext()))
        .status,
    ).toBe(200);
    const post = await createToken(
      request("/api/tokens", {
        method: "POST",
        headers,
        body: { name: "minted-by-a-reader" },
      }),
      routeContext(),
    );
    expect(post.status).toBe(403);
    expect((await post.json()).error.message).toContain("read-only");
    const del = await revokeToken(
      request(`/api/tokens/${body.summary.id}`, { method: "DELETE", headers }),
      routeContext({ tokenId: body.summary.id }),
    );
    expect(del.status).toBe(403);
  });

  it("stops working once expired", async () => {
    const { body } = await issue({ name: "expiring", expiresInDays: 1 });
    const headers = asToken(body.token);
    expect(
      (await me(request("/api/me", { headers }), routeContext())).status,
    ).toBe(200);
    await rows(
      sql`update api_tokens set expires_at = now() - interval '1 second' where id = ${body.summary.id}`,
    );
    const expired = await me(request("/api/me", { headers }), routeContext());
    expect(expired.status).toBe(401);
    expect((await expired.json()).error.message).toMatch(/expired/);
    const list = await (
      await listTokens(
        request("/api/tokens", { headers: aliceHeaders }),
        routeContext(),
      )
    ).json();
    expect(
      list.tokens.find((t: { id: string }) => t.id === body.summary.id),
    ).toMatchObject({ status: "expired", revokedAt: null });
  });

  it("is revoked when its user is disabled, and stays revoked when they are enabled again", async () => {
    const bob = await makeUser("operator");
    const { body } = await issue({ name: "bobs-script", userId: bob.id });
    const headers = asToken(body.token);
    const setDisabled = async (disabled: boolean) => {
      const response = await patchUser(
        request(`/api/users/${bob.id}`, {
          method: "PATCH",
          headers: aliceHeaders,
          body: { disabled },
        }),
        routeContext({ userId: bob.id }),
      );
      expect(response.status).toBe(200);
    };
    await setDisabled(true);
    const [row] = await rows<{ revoked_at: unknown }>(
      sql`select revoked_at from api_tokens where id = ${body.summary.id}`,
    );
    expect(row!.revoked_at).not.toBeNull();
    await setDisabled(false);
    expect(
      (await me(request("/api/me", { headers }), routeContext())).status,
    ).toBe(401);
  });
});

describe("token changes and their audit events", () => {
  // Rows written by one transaction carry its ID in xmin.
  const xminOfToken = async (id: string) =>
    (
      await rows<{ x: string }>(
        sql`select xmin::text as x from api_tokens where id = ${id}`,
      )
    )[0]!.x;
  const xminOfEvent = async (action: string, id: string) =>
    (
      await rows<{ x: string; details: Record<string, unknown> }>(
        sql`select xmin::text as x, details from audit_events
            where action = ${action} and target_id = ${id}`,
      )
    )[0]!;

  it("commit together, on create and on revoke", async () => {
    const bob = await makeUser("viewer");
    const { body } = await issue({
      name: "atomic",
      userId: bob.id,
      scope: "read",
    });
    const id: string = body.summary.id;
    const created = await xminOfEvent("token.created", id);
    expect(created.x).toBe(await xminOfToken(id));
    expect(created.details).toMatchObject({
      name: "atomic",
      owner: bob.email,
      scope: "read",
      expiresAt: body.summary.expiresAt,
    });

    const response = await revokeToken(
      request(`/api/tokens/${id}`, { method: "DELETE", headers: aliceHeaders }),
      routeContext({ tokenId: id }),
    );
    expect(response.status).toBe(204);
    expect((await xminOfEvent("token.revoked", id)).x).toBe(
      await xminOfToken(id),
    );
  });
});

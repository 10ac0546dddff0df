import { describe, expect, it } from "vitest";
import { makeUser } from "@/lib/testing/fixtures";
import { signIn } from "./sign-in";
import { listUsers } from "./users";

const meta = { ip: "203.0.113.9", userAgent: "vitest" };

describe("listUsers", () => {
  it("says when each user last signed in, from the audit record, and null for never", async () => {
    const signedIn = await makeUser("operator");
    const never = await makeUser("viewer");
    const before = Date.now();
    for (let attempt = 0; attempt < 2; attempt++) {
      const result = await signIn(
        { email: signedIn.email, password: "correct-horse-battery" },
        meta,
      );
      expect(result.ok).toBe(true);
    }
    // A failed attempt is not a sign-in.
    await signIn({ email: never.email, password: "wrong-password" }, meta);

    const listed = await listUsers();
    const row = listed.find((user) => user.id === signedIn.id);
    expect(row?.lastSignedInAt).toBeInstanceOf(Date);
    expect(row!.lastSignedInAt!.getTime()).toBeGreaterThanOrEqual(
      before - 1000,
    );
    expect(row!.lastSignedInAt!.getTime()).toBeLessThanOrEqual(
      Date.now() + 1000,
    );
    expect(
      listed.find((user) => user.id === never.id)?.lastSignedInAt,
    ).toBeNull();
  });
});

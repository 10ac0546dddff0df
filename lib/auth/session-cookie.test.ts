// A console served over https (NEXTAUTH_URL) reads only the `__Secure-` session cookie, which
// browsers accept only from https pages; the plain name, which any http page on a sibling host
// could plant, is not a session there. (app/api/hostile-input.test.ts checks the http deployment
// through the routes.)
import { beforeAll, describe, expect, it } from "vitest";
import { getAuthOptions, operatorFromCookieHeader } from "@/lib/auth/next-auth";
import { makeUser, sessionCookie } from "@/lib/testing/fixtures";
import { readCookie, sessionCookieName } from "./session-cookie";

beforeAll(() => {
  // Read once, on first use: this file's process serves https from here on.
  process.env.NEXTAUTH_URL = "https://erasure.example.com";
});

describe("over https", () => {
  it("accepts the __Secure- cookie and refuses the plain one", async () => {
    const user = await makeUser("viewer");
    const plain = (await sessionCookie(user.id)).cookie;
    const secure = `__Secure-${plain}`;
    const signedIn = async (cookie: string) =>
      (await operatorFromCookieHeader(cookie))?.id === user.id;
    expect(await signedIn(plain)).toBe(false);
    expect(await signedIn(secure)).toBe(true);
    // Both at once: the plain one is simply not looked at.
    expect(await signedIn(`${plain}; ${secure}`)).toBe(true);
    expect(await signedIn(`${secure.split("=")[0]}=%E0%A4%A; ${plain}`)).toBe(
      false,
    );
  });

  it("tells next-auth to write the cookie it will be asked for", () => {
    expect(getAuthOptions().useSecureCookies).toBe(true);
  });
});

describe("sessionCookieName and readCookie", () => {
  it("follows the scheme of the public URL", () => {
    expect(sessionCookieName("https://erasure.example.com")).toBe(
      "__Secure-next-auth.session-token",
    );
    expect(sessionCookieName("http://localhost:3000")).toBe(
      "next-auth.session-token",
    );
    expect(sessionCookieName(undefined)).toBe("next-auth.session-token");
  });

  it("decodes only the named cookie and reads a broken escape as absent", () => {
    const header = "a=%; b=x%20y; c=%E0%A4%A; b=second";
    expect(readCookie(header, "b")).toBe("x y");
    expect(readCookie(header, "c")).toBeNull();
    expect(readCookie(header, "a")).toBeNull();
    expect(readCookie(header, "missing")).toBeNull();
    expect(readCookie(null, "b")).toBeNull();
  });
});

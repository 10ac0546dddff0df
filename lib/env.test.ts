import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("applies the documented defaults", () => {
    const env = parseEnv({});
    expect(env.ERASURE_DATA_DIR).toBe(".data");
    expect(env.ERASURE_SESSION_IDLE_MINUTES).toBe(30);
    expect(env.ERASURE_SESSION_MAX_HOURS).toBe(12);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AKOOL_BASE_URL).toBe("https://openapi.akool.com");
  });

  it("names every bad variable in one message", () => {
    const parse = () =>
      parseEnv({
        DATABASE_URL: "mysql://x",
        ERASURE_SESSION_IDLE_MINUTES: "soon",
        AUTH_SECRET: "short",
      });
    expect(parse).toThrow(EnvError);
    expect(parse).toThrow(/DATABASE_URL/);
    expect(parse).toThrow(/ERASURE_SESSION_IDLE_MINUTES/);
    expect(parse).toThrow(/AUTH_SECRET/);
  });

  it("accepts NEXTAUTH_SECRET as the auth secret and treats blank values as unset", () => {
    const env = parseEnv({
      NEXTAUTH_SECRET: "x".repeat(32),
      DATABASE_URL: "",
      AUTH_SECRET: "",
    });
    expect(env.authSecret).toBe("x".repeat(32));
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("trusts no proxy unless told how many there are", () => {
    expect(parseEnv({}).ERASURE_TRUSTED_PROXIES).toBe(0);
    expect(
      parseEnv({ ERASURE_TRUSTED_PROXIES: "" }).ERASURE_TRUSTED_PROXIES,
    ).toBe(0);
    expect(
      parseEnv({ ERASURE_TRUSTED_PROXIES: "2" }).ERASURE_TRUSTED_PROXIES,
    ).toBe(2);
    for (const bad of ["-1", "1.5", "yes", "11"])
      expect(() => parseEnv({ ERASURE_TRUSTED_PROXIES: bad })).toThrow(
        /ERASURE_TRUSTED_PROXIES/,
      );
  });
});

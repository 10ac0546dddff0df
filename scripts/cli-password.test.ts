// `npm run cli -- user add … --password-stdin` holds a password to what bcrypt reads (72 bytes of
// UTF-8, issue 11) and says so, instead of storing a hash that ignores the rest. Runs the real
// command in a child process on a database folder of its own.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";

it("refuses a password over 72 bytes from standard input, with the rule", () => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ERASURE_DATA_DIR: mkdtempSync(path.join(tmpdir(), "erasure-cli-")),
    LOG_LEVEL: "silent",
  };
  delete env.DATABASE_URL;
  const result = spawnSync(
    path.join(process.cwd(), "node_modules/.bin/tsx"),
    [
      "--conditions=react-server",
      "scripts/cli.ts",
      "user",
      "add",
      "accented@erasure.test",
      "--role",
      "viewer",
      "--password-stdin",
    ],
    // 37 characters, 74 bytes.
    { input: `${"é".repeat(37)}\n`, env, encoding: "utf8", timeout: 60_000 },
  );
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("at most 72 bytes in UTF-8");
}, 90_000);

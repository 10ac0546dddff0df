// Anything logged is redacted at any depth: by key (passwords, tokens, cookies…) and by shape
// (an Erasure token pasted into a free-text field).
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { createLogger } from "./logger";

function capturedLogger() {
  const lines: string[] = [];
  const log = createLogger(
    { level: "info" },
    { write: (line) => lines.push(line) },
  );
  return { log, output: () => lines.join("") };
}

it("redacts secrets at any depth, by key and by shape", () => {
  const { log, output } = capturedLogger();
  const bearer = `era_${randomUUID().replaceAll("-", "")}abcdefghijk`;
  log.info(
    {
      request: {
        headers: {
          authorization: "Bearer xyz-secret-1",
          cookie: "sid=secret-2",
        },
        body: {
          user: { password: "secret-3", profile: { passwordHash: "secret-4" } },
        },
      },
      items: [
        { tokenHash: "secret-5" },
        { note: `pasted ${bearer} by mistake` },
      ],
      apiKey: "secret-6",
    },
    "deep",
  );
  const text = output();
  for (const secret of [
    "xyz-secret-1",
    "secret-2",
    "secret-3",
    "secret-4",
    "secret-5",
    "secret-6",
    bearer,
  ])
    expect(text, secret).not.toContain(secret);
  expect(text).toContain("[redacted]");
  expect(text).toContain("pasted era_");
});

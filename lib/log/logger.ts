import "server-only";
import pino from "pino";

// pino: structured JSON lines, cheap enough for per-request logging. Level from LOG_LEVEL, read
// directly because the logger must work even when the rest of the environment is invalid.
export const logger = pino({
  level:
    process.env.LOG_LEVEL ??
    (process.env.NODE_ENV === "test" ? "silent" : "info"),
  base: { service: "erasure" },
  redact: {
    paths: ["*.password", "*.token", "*.authorization", "*.cookie"],
    censor: "[redacted]",
  },
});

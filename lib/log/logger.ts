import "server-only";
import pino, { type DestinationStream, type Level } from "pino";
import {
  redactValue,
  safeErrorMessage,
  scrubText,
  serializeError,
} from "./redact";

/**
 * A pino logger whose every line passes through lib/log/redact.ts: secrets censored at any depth,
 * errors without the values their query carried. `destination` is for tests that read the lines.
 */
export function createLogger(
  options: { level?: Level | "silent" } = {},
  destination?: DestinationStream,
) {
  const settings: pino.LoggerOptions = {
    level:
      options.level ??
      process.env.LOG_LEVEL ??
      (process.env.NODE_ENV === "test" ? "silent" : "info"),
    base: { service: "erasure" },
    formatters: {
      log: (object) => redactValue(object) as Record<string, unknown>,
    },
    serializers: { err: serializeError },
    hooks: {
      // pino takes a logged error's own message as the line's message when none is given, and
      // the message argument bypasses the formatter: both are cleaned here.
      logMethod(args, method) {
        const [first, ...rest] = args as unknown[];
        const cleaned =
          first instanceof Error && typeof rest[0] !== "string"
            ? [first, safeErrorMessage(first), ...rest]
            : (args as unknown[]).map((arg) =>
                typeof arg === "string" ? scrubText(arg) : arg,
              );
        return method.apply(this, cleaned as Parameters<typeof method>);
      },
    },
  };
  return destination ? pino(settings, destination) : pino(settings);
}

// Structured JSON lines, cheap enough for per-request logging. The level comes from LOG_LEVEL,
// read directly because the logger must work even when the rest of the environment is invalid.
export const logger = createLogger();

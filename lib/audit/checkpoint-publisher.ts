import "server-only";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/http/errors";
import { logger } from "@/lib/log/logger";
import { createCheckpoint } from "./checkpoint";

/**
 * Publishes a signed checkpoint of the log's end every ERASURE_CHECKPOINT_MINUTES (and once now),
 * so that events cut from the end are noticed by Verify even if no admin ever downloads one. A
 * head already published writes nothing, and publishing records no event (it would move the
 * head it just published). Does nothing without a signing key (development).
 */
export function startCheckpointPublisher(): () => void {
  const env = getEnv();
  if (!env.ERASURE_AUDIT_SIGNING_KEY) return () => undefined;
  const publish = () =>
    createCheckpoint().catch((error: unknown) => {
      if (error instanceof ApiError && error.code === "conflict") return; // empty log
      logger.warn({ err: error }, "publishing an audit checkpoint failed");
    });
  void publish();
  const timer = setInterval(publish, env.ERASURE_CHECKPOINT_MINUTES * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}

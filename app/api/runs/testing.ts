// Test-only: `POST /api/runs` through its route handler, shared by the app/api/**/*.test.ts files
// (lib/testing cannot import app/). Never imported by production code.
import type { ProviderId } from "@/lib/providers/types";
import { request, routeContext } from "@/lib/testing/fixtures";
import { POST as startRoute } from "./route";

export interface RunStart {
  provider: ProviderId;
  ids: string[];
  confirmation: string;
}

/** Starts a run with `headers` (an `authorization`, perhaps an `idempotency-key`). */
export function postRun(
  headers: Record<string, string>,
  body: RunStart,
): Promise<Response> {
  return startRoute(
    request("/api/runs", { method: "POST", headers, body }),
    routeContext(),
  );
}

/** `postRun`, answering the new run's ID. */
export async function startedRunId(
  headers: Record<string, string>,
  body: RunStart,
): Promise<string> {
  const response = await postRun(headers, body);
  return ((await response.json()) as { id: string }).id;
}

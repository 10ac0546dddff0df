// Test-only: the first step of a chaos run. Seeds each provider's mix, records the true state
// before anything is sent, and creates one run per provider through the console's own createRun.
import { randomUUID } from "node:crypto";
import { createApiToken, resolveApiToken } from "@/lib/auth/api-tokens";
import { createUser } from "@/lib/auth/users";
import { idFormats } from "@/lib/providers/id-formats";
import type { ProviderId } from "@/lib/providers/types";
import { createRun } from "@/lib/runs/create-run";
import { parseIds } from "@/lib/runs/parse-ids";
import type { SandboxProcess } from "../sandbox-process";
import { seedMix, submittedList, type Mix } from "./mix";
import type { ProviderReport } from "./report";
import type { ChaosSettings } from "./settings";
import { trueState, type TrueVideo } from "./truth";

export interface RunInfo {
  provider: ProviderId;
  runId: string;
  submitted: string[];
  requested: string[];
  mix: ProviderReport["mix"];
}

async function makeOperator(provider: ProviderId) {
  const user = await createUser({
    email: `chaos-${provider}-${randomUUID().slice(0, 8)}@erasure.test`,
    role: "operator",
    password: "chaos-password-123",
  });
  const { token } = await createApiToken({ userId: user.id, name: "chaos" });
  return (await resolveApiToken(token))!;
}

/** The mix, the true state before anything is sent, and one run per provider. */
export async function createRuns(
  sandbox: SandboxProcess,
  providers: ProviderId[],
  settings: ChaosSettings,
  rng: () => number,
): Promise<{
  runs: RunInfo[];
  before: Map<ProviderId, Map<string, TrueVideo>>;
}> {
  const runs: RunInfo[] = [];
  const mixes = new Map<ProviderId, Mix>();
  for (const provider of providers) {
    const mix = await seedMix(sandbox, provider, settings.ids[provider]!);
    mixes.set(provider, mix);
  }
  const before = new Map<ProviderId, Map<string, TrueVideo>>();
  for (const provider of providers)
    before.set(provider, await trueState(sandbox, provider));

  for (const provider of providers) {
    const mix = mixes.get(provider)!;
    const list = submittedList(provider, mix, rng, settings.caseVariants);
    // Distinct as the server counts them: Akool's upper-case spellings are the same videos.
    const requested = parseIds(list.ids, idFormats[provider]).valid;
    const n = requested.length;
    const { id: runId } = await createRun(
      await makeOperator(provider),
      {
        provider,
        ids: list.ids,
        confirmation: `delete ${n.toLocaleString("en-US")} video${n === 1 ? "" : "s"}`,
      },
      {},
    );
    runs.push({
      provider,
      runId,
      submitted: list.ids,
      requested,
      mix: {
        ours: mix.ours.length,
        processing: mix.processing.length,
        foreign: mix.foreign.length,
        missing: mix.missing.length,
        duplicates: list.duplicates,
        caseVariants: list.caseVariants,
        malformed: list.malformed,
      },
    });
    settings.log(
      `${provider}: run ${runId}, ${list.ids.length} submitted, ${n} distinct well-formed (${mix.ours.length} deletable, ${mix.processing.length} processing, ${mix.foreign.length} another account's, ${mix.missing.length} never existed; ${list.duplicates} duplicates, ${list.malformed} malformed${list.caseVariants ? `, ${list.caseVariants} upper-case spellings` : ""})`,
    );
  }
  return { runs, before };
}

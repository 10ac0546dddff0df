// `npm run bench:runs` through the console as a user runs it: the production build (`next start`,
// started as `npm run demo` does, PGlite in a fresh temporary folder, the worker inside the
// console process), a run created with an operator's API token, and the run page's polling.
import { startConsole } from "../console-process";
import { demoAccounts } from "../demo-accounts";
import { nextServerTree } from "./process-stats";
import type { BenchProvider } from "./run-figures";
import {
  confirmationPhrase,
  type BenchHarness,
  type PollStats,
  type RunOutcome,
} from "./runs-harness";

/** The run page's polls (app/(console)/runs/[runId]/_components): what and how often. */
function pagePolls(runId: string, pollMs: number) {
  let newestEvent: number | undefined;
  return [
    // run-items-table.tsx: the table's first page in the page's default query
    // (items-search-params.ts: sort videoId asc, offset 0, ITEMS_PAGE_SIZE 200), with the run
    // (header, progress, counts) read in the same snapshot, every RUN_POLL_MS while it is live.
    {
      name: "items",
      path: () =>
        `/api/runs/${runId}/items?sort=videoId&dir=asc&offset=0&limit=200`,
      everyMs: pollMs,
      seen: (body: unknown) => (body as { run: RunView }).run,
    },
    // run-timeline.tsx: the newest page of the audit timeline, then every 5 s while live only
    // the events after the newest one held.
    {
      name: "events",
      path: () =>
        `/api/runs/${runId}/events${newestEvent === undefined ? "" : `?after=${newestEvent}`}`,
      everyMs: 5_000,
      seen: (body: unknown) => {
        for (const event of (body as { events: { position: number }[] }).events)
          newestEvent = Math.max(newestEvent ?? 0, event.position);
        return undefined;
      },
    },
  ];
}

/** Signs in through next-auth's credentials endpoint, as the login form does; returns the cookie. */
async function signIn(
  origin: string,
  email: string,
  password: string,
): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const index = pair.indexOf("=");
      jar.set(pair.slice(0, index), pair.slice(index + 1));
    }
  };
  const cookie = () =>
    [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  keep(csrf);
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookie(),
      origin,
    },
    body: new URLSearchParams({
      csrfToken,
      email,
      password,
      callbackUrl: origin,
      json: "true",
    }),
  });
  keep(response);
  if (!jar.has("next-auth.session-token"))
    throw new Error(`sign-in as ${email} failed: HTTP ${response.status}`);
  return cookie();
}

async function api<T>(
  origin: string,
  path: string,
  init: RequestInit & { auth: Record<string, string> },
): Promise<T> {
  const response = await fetch(`${origin}${path}`, {
    ...init,
    headers: {
      ...init.auth,
      origin,
      ...(init.body ? { "content-type": "application/json" } : {}),
    },
  });
  const text = await response.text();
  if (!response.ok)
    throw new Error(
      `${init.method ?? "GET"} ${path} → ${response.status}: ${text.slice(0, 300)}`,
    );
  return JSON.parse(text) as T;
}

/** An API token of the demo operator, created by the demo admin (POST /api/tokens). */
async function operatorToken(origin: string): Promise<string> {
  const account = (role: string) =>
    demoAccounts.find((entry) => entry.role === role)!;
  const admin = {
    cookie: await signIn(
      origin,
      account("admin").email,
      account("admin").password,
    ),
  };
  const { users } = await api<{ users: { id: string; email: string }[] }>(
    origin,
    "/api/users",
    { auth: admin },
  );
  const operator = users.find(
    (user) => user.email === account("operator").email,
  )!;
  const { token } = await api<{ token: string }>(origin, "/api/tokens", {
    method: "POST",
    auth: admin,
    body: JSON.stringify({ userId: operator.id, name: "bench-runs" }),
  });
  return token;
}

interface RunView {
  status: string;
  startedAt: string | null;
  finishedAt: string | null;
  counts: Record<string, number>;
}

/**
 * Polls every endpoint of the page on its own clock, one request at a time each (the page's
 * queries never overlap themselves), until `done` says the run has ended.
 */
async function pollLikeThePage(
  origin: string,
  auth: Record<string, string>,
  runId: string,
  pollMs: number,
): Promise<{ run: RunView; polls: PollStats[] }> {
  let last: RunView | null = null;
  let ended = false;
  const polls = pagePolls(runId, pollMs).map(async (poll) => {
    const latencies: number[] = [];
    while (!ended) {
      const started = performance.now();
      const body = await api<unknown>(origin, poll.path(), { auth });
      const took = performance.now() - started;
      latencies.push(took);
      const run = poll.seen(body);
      if (run) {
        last = run;
        if (last.finishedAt) ended = true;
      }
      if (!ended)
        await new Promise((resolve) =>
          setTimeout(resolve, Math.max(0, poll.everyMs - took)),
        );
    }
    return { name: poll.name, latencies };
  });
  const stats = await Promise.all(polls);
  return { run: last!, polls: stats };
}

export async function startConsoleHarness(options: {
  pollMs: number;
}): Promise<BenchHarness> {
  const server = await startConsole({
    exitOnSignal: true,
    quiet: true,
    // The demo's own 2,000 videos per provider are not needed; the bench seeds its own.
    env: { SANDBOX_COUNT: "0" },
  });
  await server.ready;
  const auth = {
    authorization: `Bearer ${await operatorToken(server.origin)}`,
  };

  return {
    description: `next start (production build) on PGlite, worker in the console process, run page polled every ${options.pollMs} ms`,
    sandboxUrl: server.sandboxUrl,
    consolePids: () => nextServerTree(server.pid),
    async run(provider: BenchProvider, ids: string[]): Promise<RunOutcome> {
      const posted = performance.now();
      const { id } = await api<{ id: string }>(server.origin, "/api/runs", {
        method: "POST",
        auth,
        body: JSON.stringify({
          provider,
          ids,
          confirmation: confirmationPhrase(ids.length),
        }),
      });
      const createMs = performance.now() - posted;
      const { run, polls } = await pollLikeThePage(
        server.origin,
        auth,
        id,
        options.pollMs,
      );
      return {
        runId: id,
        createMs,
        status: run.status,
        counts: run.counts,
        startedAt: new Date(run.startedAt!),
        finishedAt: new Date(run.finishedAt!),
        polls,
      };
    },
    stop: async () => server.stop(),
  };
}

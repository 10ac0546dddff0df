import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { Run, RunItem } from "@/lib/runs/schemas";
import { RunHeader } from "./run-header";
import { RunView } from "./run-view";

// The App Router is not mounted in a component test; the table only reads its URL state.
vi.mock("next/navigation", () => ({
  useRouter: () => ({ push: vi.fn(), replace: vi.fn() }),
  usePathname: () => "/runs/x",
}));

// jsdom lays nothing out and has no element scrolling; the table scrolls to its top on new rows.
Element.prototype.scrollTo ??= function scrollTo() {};

const RUN_ID = "6f1e2d3c-4b5a-4978-8877-665544332211";

const counts = (changes: Partial<Run["counts"]> = {}): Run["counts"] => ({
  pending: 0,
  deleted: 0,
  forbidden: 0,
  not_found: 0,
  processing: 0,
  failed: 0,
  skipped: 0,
  ...changes,
});

const runOf = (changes: Partial<Run> = {}): Run => ({
  id: RUN_ID,
  provider: "imagine",
  idKind: "video",
  status: "queued",
  statusReason: null,
  resumeAt: null,
  total: 10,
  counts: counts({ pending: 10 }),
  confirmation: "delete 10 videos",
  createdBy: { id: "u1", email: "op@example.com", name: "Op" },
  startedVia: "browser",
  startedFromIp: "127.0.0.1",
  createdAt: new Date("2026-12-01T10:00:00Z"),
  startedAt: null,
  finishedAt: null,
  processingRetryUntil: null,
  processingRetryIntervalSeconds: null,
  cancelRequestedAt: null,
  ratePerSecond: null,
  etaSeconds: null,
  ...changes,
});

const itemOf = (videoId: string, outcome: RunItem["outcome"]): RunItem => ({
  videoId,
  outcome,
  code: null,
  message: null,
  attempts: outcome === "pending" ? 0 : 1,
  updatedAt: new Date("2026-12-01T10:00:05Z"),
  nextAttemptAt: null,
});

const json = (body: unknown) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { "content-type": "application/json" },
  });

function renderWithQueries(ui: React.ReactNode) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false } },
  });
  return render(
    <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>,
  );
}

describe("RunView", () => {
  it("never shows a row Deleted under a header that still says nothing is done", async () => {
    // The run endpoint answered first, just before the worker recorded the first delete; the
    // rows were read a moment later. The page must not mix the two moments.
    const earlier = runOf();
    const later = runOf({
      status: "running",
      startedAt: new Date("2026-12-01T10:00:01Z"),
      counts: counts({ pending: 9, deleted: 1 }),
    });
    const rows = [
      itemOf("a".repeat(24), "deleted"),
      ...Array.from({ length: 9 }, (_, i) =>
        itemOf(String(i).repeat(24), "pending"),
      ),
    ];
    vi.stubGlobal(
      "fetch",
      vi.fn(async (input: RequestInfo | URL) => {
        const path = new URL(String(input), "http://localhost").pathname;
        if (path === `/api/runs/${RUN_ID}`) return json(earlier);
        if (path === `/api/runs/${RUN_ID}/items`)
          return json({ run: later, items: rows, total: rows.length });
        if (path === "/api/providers") return json({ providers: [] });
        return json({ events: [], total: 0 });
      }),
    );
    renderWithQueries(
      <RunView
        runId={RUN_ID}
        query={{ sort: "videoId", dir: "asc", offset: 0, limit: 200 }}
        canAct={false}
      />,
    );
    const chips = await screen.findByRole("group", {
      name: "Filter by outcome",
    });
    await within(chips).findByRole("button", { name: "Deleted 1" });
    const progress = screen.getByRole("progressbar", { name: "Run progress" });
    expect(progress.getAttribute("aria-valuetext")).toBe("1 of 10 done");
    expect(
      screen.getByRole("status", { name: "Run status" }).textContent,
    ).toContain("Running");
  });
});

describe("RunHeader", () => {
  it("names the API token a run was started with once, without the stored prefix", () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => json({ providers: [] })),
    );
    renderWithQueries(
      <RunHeader run={runOf({ startedVia: "token: concurrency-test" })} />,
    );
    expect(screen.getByText("with API token “concurrency-test”")).toBeTruthy();
    expect(screen.queryByText(/token: concurrency-test/)).toBeNull();
  });

  it.each([
    ["completed_with_issues", "Completed with issues"],
    ["cancelling", "Cancelling…"],
    ["cancelled", "Cancelled"],
  ] as const)("shows status %s as “%s”", (status, label) => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => json({ providers: [] })),
    );
    renderWithQueries(<RunHeader run={runOf({ status })} />);
    expect(
      screen.getByRole("status", { name: "Run status" }).textContent,
    ).toContain(label);
  });
});

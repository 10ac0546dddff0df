import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { Run } from "@/lib/runs/schemas";
import { RunActions } from "./run-actions";

const run: Run = {
  id: "6f1e2d3c-4b5a-4978-8877-665544332211",
  provider: "imagine",
  idKind: "video",
  status: "completed",
  statusReason: null,
  resumeAt: null,
  total: 2,
  counts: {
    pending: 0,
    deleted: 2,
    forbidden: 0,
    not_found: 0,
    processing: 0,
    failed: 0,
    skipped: 0,
  },
  confirmation: "delete 2 videos",
  createdBy: { id: "u1", email: "op@example.com", name: "Op" },
  startedVia: "browser",
  startedFromIp: null,
  createdAt: new Date("2026-12-01T10:00:00Z"),
  startedAt: new Date("2026-12-01T10:00:01Z"),
  finishedAt: new Date("2026-12-01T10:00:02Z"),
  processingRetryUntil: null,
  processingRetryIntervalSeconds: null,
  cancelRequestedAt: null,
  ratePerSecond: null,
  etaSeconds: null,
};

describe("RunActions", () => {
  it("says next to Export CSV and JSON that the file's times are UTC, ISO 8601", () => {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <RunActions
          run={run}
          filter={{ outcome: "deleted" }}
          matchingCount={undefined}
          live={false}
          canStartRun={false}
        />
      </QueryClientProvider>,
    );
    for (const name of ["Export CSV", "Export JSON"]) {
      const link = screen.getByRole("link", { name });
      expect(link.getAttribute("href")).toContain("outcome=deleted");
      const description = link.getAttribute("aria-describedby")!;
      expect(document.getElementById(description)?.textContent).toBe(
        "Times in the file are in UTC, ISO 8601.",
      );
    }
  });
});

import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { VideoHistoryEntry } from "@/lib/audit/schemas";
import { VideoHistoryTable } from "./video-history-table";

const entryOf = (startedVia: string): VideoHistoryEntry => ({
  runId: `run-${startedVia}`,
  provider: "imagine",
  idKind: "video",
  outcome: "deleted",
  code: null,
  message: null,
  attempts: 1,
  updatedAt: new Date("2026-12-01T10:00:05Z"),
  runStartedAt: new Date("2026-12-01T10:00:00Z"),
  startedBy: "op@example.com",
  startedVia,
  confirmation: "delete 1 video",
});

describe("VideoHistoryTable", () => {
  it("names the API token a run was started with once, without the stored `token: ` prefix", () => {
    render(
      <VideoHistoryTable
        runs={[entryOf("token: nightly-cleanup"), entryOf("browser")]}
        label="History of v1"
        providerLabel={(id) => id}
      />,
    );
    const [tokenRow, browserRow] = screen.getAllByRole("row").slice(1);
    expect(tokenRow!.textContent).toContain("with API token “nightly-cleanup”");
    expect(tokenRow!.textContent).not.toContain("token: ");
    expect(browserRow!.textContent).toContain("in the browser");
  });
});

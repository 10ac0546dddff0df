import { render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { LibraryTable } from "./library-table";
import { PreviewTable } from "./preview-table";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("provider states in words on /runs/new", () => {
  it("the preview's Detail says Akool's status 2 as Processing, the code in the tooltip", () => {
    // jsdom lays nothing out: the virtualised table renders the rows that fit its scroll box.
    vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(400);
    vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(800);
    render(
      <PreviewTable
        provider="akool"
        items={[
          { id: "v1", expectation: "processing", detail: "2" },
          { id: "v2", expectation: "unknown", detail: "look-up failed: 2" },
        ]}
      />,
    );
    const [first, second] = screen.getAllByRole("row").slice(1);
    const detail = within(first!).getAllByRole("cell")[3]!;
    expect(detail.textContent).toBe("Processing");
    expect(detail.getAttribute("title")).toBe("Provider status code: 2");
    expect(within(second!).getAllByRole("cell")[3]!.textContent).toBe(
      "look-up failed: 2",
    );
  });

  it("the library picker's Status column says memories.ai's UNPARSE as Indexing", () => {
    render(
      <LibraryTable
        provider="memories"
        videos={[{ id: "VI1", name: "Clip", status: "UNPARSE" }]}
        rowSelection={{}}
        onRowSelectionChange={() => {}}
        loading={false}
      />,
    );
    const status = screen.getByText("Indexing");
    expect(status.getAttribute("title")).toBe("Provider status code: UNPARSE");
    expect(screen.queryByText("UNPARSE")).toBeNull();
  });
});

import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ExportEventsCard } from "./audit-exports";

const links = () => screen.getAllByRole("link", { name: /Events (CSV|JSON)/ });

describe("ExportEventsCard", () => {
  it("links to the export of the chosen days, and says its times are UTC, ISO 8601", () => {
    render(<ExportEventsCard />);
    fireEvent.change(screen.getByLabelText("From"), {
      target: { value: "2026-11-01" },
    });
    fireEvent.change(screen.getByLabelText("To (exclusive)"), {
      target: { value: "2026-12-01" },
    });
    expect(links().map((link) => link.getAttribute("href"))).toEqual([
      "/api/audit/export?from=2026-11-01&to=2026-12-01&format=csv",
      "/api/audit/export?from=2026-11-01&to=2026-12-01&format=json",
    ]);
    expect(screen.queryByRole("alert")).toBeNull();
    const description = links()[0]!.getAttribute("aria-describedby")!;
    expect(document.getElementById(description)?.textContent).toMatch(
      /UTC, ISO 8601/,
    );
  });

  it("says on the page when From is after To, and offers no download of the refusal", () => {
    render(<ExportEventsCard />);
    fireEvent.change(screen.getByLabelText("From"), {
      target: { value: "2026-12-05" },
    });
    fireEvent.change(screen.getByLabelText("To (exclusive)"), {
      target: { value: "2026-12-01" },
    });
    expect(screen.getByRole("alert").textContent).toBe(
      "“From” must be an earlier day than “To”.",
    );
    for (const link of links()) {
      expect(link.hasAttribute("href")).toBe(false);
      expect(link.getAttribute("aria-disabled")).toBe("true");
    }
  });

  it("refuses a day past year 9999 with the export's own words", () => {
    render(<ExportEventsCard />);
    fireEvent.change(screen.getByLabelText("To (exclusive)"), {
      target: { value: "10000-01-01" },
    });
    expect(screen.getByRole("alert").textContent).toBe(
      "Dates end at year 9999.",
    );
  });
});

import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { OutcomeCounts } from "@/lib/runs/schemas";
import { OutcomeChips } from "./outcome-chips";

// Distinct counts per outcome, so a chip showing its neighbour's number cannot pass.
const counts: OutcomeCounts = {
  deleted: 1250,
  forbidden: 3,
  not_found: 17,
  processing: 2,
  failed: 5,
  skipped: 4,
  pending: 0,
};

function renderChips(
  props: Partial<React.ComponentProps<typeof OutcomeChips>> = {},
) {
  const onSelect = vi.fn();
  render(
    <OutcomeChips
      counts={counts}
      total={1281}
      selected={undefined}
      onSelect={onSelect}
      {...props}
    />,
  );
  const group = screen.getByRole("group", { name: "Filter by outcome" });
  return { onSelect, group };
}

describe("OutcomeChips", () => {
  it("shows each outcome's count from the data, in reading order", () => {
    const { group } = renderChips();
    const names = within(group)
      .getAllByRole("button")
      .map((chip) => chip.textContent);
    expect(names).toEqual([
      "All 1,281",
      "Deleted 1,250",
      "Forbidden 3",
      "Doesn't exist 17",
      "Still processing 2",
      "Failed 5",
      "Skipped 4",
      "Pending 0",
    ]);
  });

  it("follows new counts when the run progresses", () => {
    const { rerender } = render(
      <OutcomeChips
        counts={counts}
        total={1281}
        selected={undefined}
        onSelect={() => {}}
      />,
    );
    rerender(
      <OutcomeChips
        counts={{ ...counts, deleted: 1251, pending: 7 }}
        total={1285}
        selected={undefined}
        onSelect={() => {}}
      />,
    );
    expect(screen.getByRole("button", { name: "Deleted 1,251" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Pending 7" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "All 1,285" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Deleted 1,250" })).toBeNull();
  });

  it("marks only the selected outcome as pressed", () => {
    renderChips({ selected: "forbidden" });
    const pressed = screen
      .getAllByRole("button", { pressed: true })
      .map((chip) => chip.textContent);
    expect(pressed).toEqual(["Forbidden 3"]);
  });

  it("presses All when no outcome is selected", () => {
    renderChips();
    expect(screen.getByRole("button", { name: "All 1,281" }).ariaPressed).toBe(
      "true",
    );
    expect(screen.getAllByRole("button", { pressed: true })).toHaveLength(1);
  });

  it("selects an outcome, and All clears the filter", async () => {
    const user = userEvent.setup();
    const { onSelect } = renderChips({ selected: "failed" });
    await user.click(screen.getByRole("button", { name: "Doesn't exist 17" }));
    expect(onSelect).toHaveBeenLastCalledWith("not_found");
    await user.click(screen.getByRole("button", { name: "All 1,281" }));
    expect(onSelect).toHaveBeenLastCalledWith(undefined);
  });
});

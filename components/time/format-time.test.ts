import { describe, expect, it } from "vitest";
import { formatDateTime, formatTimestamp, formatUtc } from "./format-time";

const instant = new Date("2026-12-07T21:10:16Z");

describe("instants as people read them", () => {
  it("names the time zone, and the UTC form is exact to the second", () => {
    expect(formatDateTime(instant, "UTC")).toBe("Dec 7, 2026, 9:10:16 PM UTC");
    expect(formatDateTime(instant, "Europe/Berlin")).toBe(
      "Dec 7, 2026, 10:10:16 PM GMT+1",
    );
    expect(formatUtc(instant)).toBe("2026-12-07 21:10:16 UTC");
  });

  it("drops the date in a table cell only when it is the same day in that zone", () => {
    const laterThatDay = new Date("2026-12-07T22:00:00Z");
    expect(formatTimestamp(instant, laterThatDay, "UTC")).toBe(
      "9:10:16 PM UTC",
    );
    // Already the 8th in Kiritimati (UTC+14): not "today" there for an instant of the 7th.
    expect(
      formatTimestamp(
        new Date("2026-12-07T09:00:00Z"),
        laterThatDay,
        "Pacific/Kiritimati",
      ),
    ).toBe("Dec 7, 11:00 PM GMT+14");
  });
});

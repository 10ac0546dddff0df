// One way to write an instant everywhere in the console: in the reader's own time zone, with that
// zone named ("Dec 7, 2026, 9:10:16 PM GMT+1"), and the exact UTC instant a hover away. Exports
// and the API stay in ISO 8601 UTC; only what people read is local.

const LOCALE = "en-US";

/** "Dec 7, 2026, 9:10:16 PM GMT+1": full date, seconds and the zone. */
export function formatDateTime(date: Date, timeZone?: string): string {
  return date.toLocaleString(LOCALE, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    second: "2-digit",
    timeZoneName: "short",
    timeZone,
  });
}

/** Time only for today ("9:10:16 PM GMT+1"), date and minutes otherwise: fits a table cell. */
export function formatTimestamp(
  date: Date,
  now = new Date(),
  timeZone?: string,
): string {
  const day = (value: Date) =>
    value.toLocaleDateString(LOCALE, { timeZone, dateStyle: "short" });
  return day(date) === day(now)
    ? date.toLocaleTimeString(LOCALE, {
        hour: "numeric",
        minute: "2-digit",
        second: "2-digit",
        timeZoneName: "short",
        timeZone,
      })
    : date.toLocaleString(LOCALE, {
        month: "short",
        day: "numeric",
        hour: "numeric",
        minute: "2-digit",
        timeZoneName: "short",
        timeZone,
      });
}

/** "2026-12-07 21:10:16 UTC": the exact instant, for titles and anyone comparing with an export. */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

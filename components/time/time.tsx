"use client";

import { useHydrated } from "@/lib/use-hydrated";
import { formatDateTime, formatTimestamp, formatUtc } from "./format-time";

/**
 * An instant in the reader's time zone, zone named, with the UTC instant in the title. The server
 * does not know the browser's zone, so the server render (and hydration) shows UTC and the local
 * form replaces it once hydrated; the two never disagree about the instant.
 */
export function Time({
  value,
  format = "full",
  className,
}: {
  value: Date | string;
  /** `full`: date, seconds and zone. `compact`: only the time for today, for table cells. */
  format?: "full" | "compact";
  className?: string;
}) {
  const hydrated = useHydrated();
  const date = typeof value === "string" ? new Date(value) : value;
  const timeZone = hydrated ? undefined : "UTC";
  return (
    <time
      dateTime={date.toISOString()}
      title={formatUtc(date)}
      className={className}
    >
      {format === "full"
        ? formatDateTime(date, timeZone)
        : formatTimestamp(date, new Date(), timeZone)}
    </time>
  );
}

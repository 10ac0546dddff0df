"use client";

import { Download } from "lucide-react";
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";
import {
  EXPORT_EARLIEST,
  EXPORT_EARLIEST_MESSAGE,
  EXPORT_LATEST,
  EXPORT_LATEST_MESSAGE,
} from "@/lib/audit/export-bounds";
import { cn } from "@/lib/utils";

const linkButton =
  "border-border bg-card hover:bg-muted inline-flex h-8 items-center gap-2 rounded-md border px-3 text-xs font-medium";

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

function DateField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="space-y-1">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        type="date"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/** "<label> CSV" and "<label> JSON": the file of `href(format)`; no link while `disabled`. */
function DownloadLinks({
  label,
  href,
  disabled = false,
  describedBy,
}: {
  label: string;
  href: (format: "csv" | "json") => string;
  disabled?: boolean;
  describedBy?: string;
}) {
  return (
    <div className="flex flex-wrap gap-2">
      {(["csv", "json"] as const).map((format) => (
        <a
          key={format}
          className={cn(
            linkButton,
            disabled && "pointer-events-none opacity-50",
          )}
          href={disabled ? undefined : href(format)}
          role={disabled ? "link" : undefined}
          aria-disabled={disabled || undefined}
          aria-describedby={describedBy}
          download
        >
          <Download aria-hidden className="size-4" />
          {` ${label} ${format.toUpperCase()}`}
        </a>
      ))}
    </div>
  );
}

/** Why `day` (an <input type="date"> value) is outside what the export accepts, if it is. */
function dayProblem(day: string): string | null {
  // Read as the export's query schema coerces it: `new Date("2026-12-07")` is that day's UTC midnight.
  const date = new Date(day);
  if (Number.isNaN(date.getTime())) return "Choose a valid day.";
  if (date < EXPORT_EARLIEST) return EXPORT_EARLIEST_MESSAGE;
  if (date > EXPORT_LATEST) return EXPORT_LATEST_MESSAGE;
  return null;
}

/**
 * Why the server would refuse this range, checked against its own bounds: a download link would
 * otherwise save the refusal as `export.json` instead of saying it here.
 */
function rangeProblem(from: string, to: string): string | null {
  if (!from || !to) return "Choose both days.";
  const problem = dayProblem(from) ?? dayProblem(to);
  if (problem) return problem;
  return new Date(from) < new Date(to)
    ? null
    : "“From” must be an earlier day than “To”.";
}

/** Audit events of a date range, streamed by the server as CSV or JSON (each export is itself audited). */
export function ExportEventsCard() {
  const [from, setFrom] = useState(() =>
    isoDay(new Date(Date.now() - 30 * 86_400_000)),
  );
  const [to, setTo] = useState(() => isoDay(new Date(Date.now() + 86_400_000)));
  const query = (format: string) =>
    `/api/audit/export?from=${from}&to=${to}&format=${format}`;
  const problem = rangeProblem(from, to);
  return (
    <Card className="space-y-3 p-4">
      <h2 className="text-base font-semibold">Export audit events</h2>
      <p id="events-export-times" className="text-muted-foreground text-xs">
        Days start at midnight UTC. Times in the file are in UTC, ISO 8601
        (2026-12-07T21:10:16.000Z).
      </p>
      <div className="grid grid-cols-2 gap-2">
        <DateField
          id="events-from"
          label="From"
          value={from}
          onChange={setFrom}
        />
        <DateField
          id="events-to"
          label="To (exclusive)"
          value={to}
          onChange={setTo}
        />
      </div>
      {problem ? (
        <p
          id="events-export-problem"
          role="alert"
          className="text-destructive text-sm"
        >
          {problem}
        </p>
      ) : null}
      <DownloadLinks
        label="Events"
        href={query}
        disabled={problem !== null}
        describedBy={problem ? "events-export-problem" : "events-export-times"}
      />
    </Card>
  );
}

/** The current search result as a file: one row per video and run, and the IDs no run touched. */
export function ExportSearchLinks({ ids }: { ids: string[] }) {
  const query = (format: string) =>
    `/api/audit/video-search/export?ids=${encodeURIComponent(ids.join(","))}&format=${format}`;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
      <DownloadLinks
        label="Results"
        href={query}
        describedBy="results-export-times"
      />
      <p id="results-export-times" className="text-muted-foreground text-xs">
        Times in the file are in UTC, ISO 8601.
      </p>
    </div>
  );
}

"use client";

import { Download } from "lucide-react";
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";

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

/** "<label> CSV" and "<label> JSON": the file of `href(format)`. */
function DownloadLinks({
  label,
  href,
}: {
  label: string;
  href: (format: "csv" | "json") => string;
}) {
  return (
    <div className="flex gap-2">
      {(["csv", "json"] as const).map((format) => (
        <a key={format} className={linkButton} href={href(format)} download>
          <Download aria-hidden className="size-4" />
          {` ${label} ${format.toUpperCase()}`}
        </a>
      ))}
    </div>
  );
}

/** Audit events of a date range, streamed by the server as CSV or JSON (each export is itself audited). */
export function ExportEventsCard() {
  const [from, setFrom] = useState(() =>
    isoDay(new Date(Date.now() - 30 * 86_400_000)),
  );
  const [to, setTo] = useState(() => isoDay(new Date(Date.now() + 86_400_000)));
  const query = (format: string) =>
    `/api/audit/export?from=${from}&to=${to}&format=${format}`;
  return (
    <Card className="space-y-3 p-4">
      <h2 className="text-base font-semibold">Export audit events</h2>
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
      <DownloadLinks label="Events" href={query} />
    </Card>
  );
}

/** The current search result as a file: one row per video and run, and the IDs no run touched. */
export function ExportSearchLinks({ ids }: { ids: string[] }) {
  const query = (format: string) =>
    `/api/audit/video-search/export?ids=${encodeURIComponent(ids.join(","))}&format=${format}`;
  return <DownloadLinks label="Results" href={query} />;
}

"use client";

import { Download } from "lucide-react";
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";

const linkButton =
  "border-border bg-card hover:bg-muted inline-flex h-8 items-center gap-2 rounded-md border px-3 text-xs font-medium";

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

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
        <div className="space-y-1">
          <Label htmlFor="events-from">From</Label>
          <Input
            id="events-from"
            type="date"
            value={from}
            onChange={(event) => setFrom(event.target.value)}
          />
        </div>
        <div className="space-y-1">
          <Label htmlFor="events-to">To (exclusive)</Label>
          <Input
            id="events-to"
            type="date"
            value={to}
            onChange={(event) => setTo(event.target.value)}
          />
        </div>
      </div>
      <div className="flex gap-2">
        <a className={linkButton} href={query("csv")} download>
          <Download aria-hidden className="size-4" /> Events CSV
        </a>
        <a className={linkButton} href={query("json")} download>
          <Download aria-hidden className="size-4" /> Events JSON
        </a>
      </div>
    </Card>
  );
}

/** The current search result as a file: one row per video and run, and the IDs no run touched. */
export function ExportSearchLinks({ ids }: { ids: string[] }) {
  const query = (format: string) =>
    `/api/audit/video-search/export?ids=${encodeURIComponent(ids.join(","))}&format=${format}`;
  return (
    <div className="flex gap-2">
      <a className={linkButton} href={query("csv")} download>
        <Download aria-hidden className="size-4" /> Results CSV
      </a>
      <a className={linkButton} href={query("json")} download>
        <Download aria-hidden className="size-4" /> Results JSON
      </a>
    </div>
  );
}

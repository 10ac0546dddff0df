import { Badge } from "@/components/ui/badge";
import type { ParsedIdsSummary } from "@/lib/runs/parse-ids-web-worker";
import { DEFAULT_MAX_IDS_PER_RUN } from "@/lib/runs/vocabulary";
import { countOf, formatCount } from "./format";

/** Malformed rows listed inline; the rest are only counted. */
const MALFORMED_LISTED = 8;

interface ParseSummaryProps {
  result: ParsedIdsSummary | null;
  parsing: boolean;
  error: string | null;
}

export function ParseSummary({ result, parsing, error }: ParseSummaryProps) {
  if (error) {
    return (
      <p role="alert" className="text-destructive text-sm">
        Could not read the IDs: {error}
      </p>
    );
  }
  if (!result) return null;
  const hidden =
    result.malformedCount - Math.min(result.malformed.length, MALFORMED_LISTED);
  return (
    <div className="space-y-3">
      <div
        role="status"
        aria-live="polite"
        aria-busy={parsing}
        className="flex flex-wrap items-center gap-2 text-sm"
      >
        <Badge tone={result.valid.length > 0 ? "info" : "neutral"}>
          {formatCount(result.valid.length)} valid
        </Badge>
        <Badge tone="neutral">
          {countOf(
            result.duplicateCount,
            "duplicate removed",
            "duplicates removed",
          )}
        </Badge>
        <Badge tone={result.malformedCount > 0 ? "danger" : "neutral"}>
          {formatCount(result.malformedCount)} malformed
        </Badge>
        {parsing ? (
          <span className="text-muted-foreground text-xs">Checking…</span>
        ) : null}
      </div>
      {result.valid.length > DEFAULT_MAX_IDS_PER_RUN ? (
        <p className="bg-warning/15 text-foreground rounded-md px-3 py-2 text-xs">
          More than {formatCount(DEFAULT_MAX_IDS_PER_RUN)} IDs: the server may
          refuse a run this large. Split the list if it does.
        </p>
      ) : null}
      {result.malformedCount > 0 ? (
        <div className="text-xs">
          <p className="text-muted-foreground mb-1">
            Malformed rows are never sent to the provider:
          </p>
          <ul aria-label="Malformed rows" className="space-y-0.5">
            {result.malformed.slice(0, MALFORMED_LISTED).map((row) => (
              <li key={row.position} className="flex gap-2">
                <span className="text-muted-foreground w-20 shrink-0">
                  Entry {formatCount(row.position)}
                </span>
                <code className="text-destructive max-w-64 truncate font-mono">
                  {row.value}
                </code>
                <span className="text-muted-foreground">{row.reason}</span>
              </li>
            ))}
          </ul>
          {hidden > 0 ? (
            <p className="text-muted-foreground mt-1">
              …and {countOf(hidden, "more", "more")}.
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

import Link from "next/link";
import { useId } from "react";
import { Time } from "@/components/time/time";
import { Badge } from "@/components/ui/badge";
import type { VideoHistoryEntry } from "@/lib/audit/schemas";
import { rowOutcomeLabels } from "@/lib/runs/outcome-labels";
import { startedViaToken } from "@/lib/runs/started-via";
import { InertText } from "./inert-text";

const headers = [
  "When",
  "Provider",
  "Outcome",
  "Provider's answer",
  "Started by",
  "Confirmation",
];

const dash = <span className="text-muted-foreground">—</span>;

/** Every run that touched one video, newest first; all stored strings rendered inert. */
export function VideoHistoryTable({
  runs,
  label,
  providerLabel,
}: {
  runs: VideoHistoryEntry[];
  label: string;
  providerLabel: (id: string) => string;
}) {
  const baseId = useId();
  return (
    // Positioned: the sr-only header (absolutely positioned) must scroll with the table, not widen
    // the page on a phone.
    <div
      className="relative overflow-x-auto"
      role="region"
      aria-label={`${label} (scrollable)`}
      tabIndex={0}
    >
      <table className="w-full text-sm" aria-label={label}>
        <thead className="bg-muted text-muted-foreground text-left text-xs">
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col" className="px-3 py-2 font-medium">
                {header}
              </th>
            ))}
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">Run</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((entry, index) => {
            const info = rowOutcomeLabels[entry.outcome];
            const whenId = `${baseId}-when-${index}`;
            const token = startedViaToken(entry.startedVia);
            return (
              <tr
                key={entry.runId}
                className="border-border border-t align-top"
              >
                <td id={whenId} className="px-3 py-2 whitespace-nowrap">
                  {/* Full date and seconds: an audit answer has to be exact, not "3 min ago". */}
                  <Time value={entry.updatedAt} />
                  <span className="text-muted-foreground block text-xs">
                    run started <Time value={entry.runStartedAt} />
                  </span>
                </td>
                <td className="px-3 py-2">
                  {providerLabel(entry.provider)}
                  {entry.idKind === "reference" ? (
                    <span className="text-muted-foreground block text-xs">
                      as a reference ID
                    </span>
                  ) : null}
                </td>
                <td className="px-3 py-2">
                  <Badge tone={info.tone} title={info.description}>
                    {info.label}
                  </Badge>
                  <span className="text-muted-foreground block text-xs tabular-nums">
                    {entry.attempts === 1
                      ? "1 attempt"
                      : `${entry.attempts} attempts`}
                  </span>
                </td>
                <td className="max-w-96 min-w-48 space-y-1 px-3 py-2">
                  {entry.code === null && entry.message === null ? dash : null}
                  {entry.code !== null ? (
                    <InertText
                      value={entry.code}
                      className="block text-xs font-medium"
                    />
                  ) : null}
                  {entry.message !== null ? (
                    <InertText
                      value={entry.message}
                      className="block text-xs break-normal wrap-anywhere"
                    />
                  ) : null}
                </td>
                <td className="min-w-40 px-3 py-2">
                  <InertText
                    value={entry.startedBy}
                    className="block font-sans"
                  />
                  <span className="text-muted-foreground block text-xs">
                    {token === null ? (
                      "in the browser"
                    ) : (
                      <>
                        with API token “
                        <InertText value={token} />”
                      </>
                    )}
                  </span>
                </td>
                <td className="min-w-36 px-3 py-2">
                  “<InertText value={entry.confirmation} className="text-xs" />”
                </td>
                <td className="px-3 py-2 text-right whitespace-nowrap">
                  <Link
                    href={`/runs/${encodeURIComponent(entry.runId)}`}
                    aria-describedby={whenId}
                    className="text-primary font-medium underline-offset-2 hover:underline"
                  >
                    Open run
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

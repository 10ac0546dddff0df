"use client";

import dynamic from "next/dynamic";
import { formatCount } from "@/components/runs/format";
import type { OutcomeDay } from "@/lib/home/schemas";
import { HomeCard } from "./home-card";

// recharts is large; the page is usable before it arrives.
const OutcomesChart = dynamic(
  () => import("./outcomes-chart").then((module) => module.OutcomesChart),
  {
    ssr: false,
    loading: () => <div className="bg-muted h-[220px] animate-pulse rounded" />,
  },
);

/** Row outcomes per day for the last 30 days, with the same figures as text for screen readers. */
export function OutcomesChartCard({ days }: { days: OutcomeDay[] }) {
  const totals = days.reduce(
    (sum, day) => ({
      runs: sum.runs + day.runs,
      deleted: sum.deleted + day.deleted,
      problems: sum.problems + day.forbidden + day.failed + day.processing,
    }),
    { runs: 0, deleted: 0, problems: 0 },
  );
  return (
    <HomeCard
      id="home-outcomes"
      title="Outcomes per day"
      description="Rows of the last 30 days' runs by outcome, on the day each run ended (UTC days)."
      action={
        <span className="text-muted-foreground text-xs">
          {formatCount(totals.runs)} runs · {formatCount(totals.deleted)}{" "}
          deleted · {formatCount(totals.problems)} forbidden, failed or still
          processing
        </span>
      }
    >
      <div data-testid="outcomes-chart" aria-hidden>
        <OutcomesChart days={days} />
      </div>
      {/* sr-only on a <div>: a table ignores its 1px width and overflow, and at full width it
          made a phone's page scroll sideways. */}
      <div className="sr-only">
        <table>
          <caption>Row outcomes per day, last 30 days (UTC)</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Runs</th>
              <th scope="col">Deleted</th>
              <th scope="col">Doesn&apos;t exist</th>
              <th scope="col">Still processing</th>
              <th scope="col">Forbidden</th>
              <th scope="col">Failed</th>
            </tr>
          </thead>
          <tbody>
            {days
              .filter((day) => day.runs > 0)
              .map((day) => (
                <tr key={day.day}>
                  <th scope="row">{day.day}</th>
                  <td>{day.runs}</td>
                  <td>{day.deleted}</td>
                  <td>{day.notFound}</td>
                  <td>{day.processing}</td>
                  <td>{day.forbidden}</td>
                  <td>{day.failed}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </HomeCard>
  );
}

"use client";

// Loaded only through next/dynamic (outcomes-chart-card.tsx): recharts stays out of the home
// page's first-load JavaScript.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { OutcomeDay } from "@/lib/home/schemas";

/** Drawn bottom to top, in the run page's outcome colours (app/globals.css). */
// Forbidden and failed share the danger colour; a lighter mix keeps them apart (as OutcomeBar), in
// the bars and in the legend alike.
const lighter = (color: string, percent: number) =>
  `color-mix(in oklch, ${color} ${percent}%, var(--color-card))`;
const chartSeries: readonly {
  key: keyof OutcomeDay;
  label: string;
  color: string;
}[] = [
  { key: "deleted", label: "Deleted", color: "var(--color-success)" },
  {
    key: "notFound",
    label: "Doesn't exist",
    color: lighter("var(--color-muted-foreground)", 45),
  },
  {
    key: "processing",
    label: "Still processing",
    color: "var(--color-warning)",
  },
  {
    key: "forbidden",
    label: "Forbidden",
    color: lighter("var(--color-destructive)", 55),
  },
  { key: "failed", label: "Failed", color: "var(--color-destructive)" },
];

/** 280000 → "280K": axis ticks stay narrow. */
const compact = (value: number) =>
  value.toLocaleString("en-US", { notation: "compact" });

const shortDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", {
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });

export function OutcomesChart({ days }: { days: OutcomeDay[] }) {
  return (
    <ResponsiveContainer width="100%" height={220}>
      {/* The card hides the drawing from screen readers (a table beside it says the same), so
          the chart must hold nothing focusable: recharts' keyboard layer would make it a tab stop. */}
      <BarChart
        data={days}
        margin={{ top: 4, right: 8, bottom: 0, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid vertical={false} stroke="var(--color-border)" />
        <XAxis
          dataKey="day"
          tickFormatter={shortDay}
          tick={{ fontSize: 11, fill: "var(--color-muted-foreground)" }}
          minTickGap={16}
          tickLine={false}
        />
        <YAxis
          allowDecimals={false}
          tickFormatter={compact}
          width={48}
          tick={{ fontSize: 11, fill: "var(--color-muted-foreground)" }}
          tickLine={false}
          axisLine={false}
        />
        <Tooltip
          labelFormatter={(day) => `${shortDay(String(day))} (UTC)`}
          contentStyle={{
            background: "var(--color-card)",
            border: "1px solid var(--color-border)",
            borderRadius: 6,
            fontSize: 12,
          }}
          cursor={{ fill: "var(--color-muted)" }}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {chartSeries.map((series) => (
          <Bar
            key={series.key}
            dataKey={series.key}
            name={series.label}
            stackId="outcomes"
            fill={series.color}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** A titled card of the home page; `id` names it for its heading (landmark and tests). */
export function HomeCard({
  id,
  title,
  description,
  action,
  className,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  action?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Card className={className}>
      <section aria-labelledby={id} className="space-y-3 p-4">
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <h2 id={id} className="text-base font-semibold">
            {title}
          </h2>
          {action ? <div className="ml-auto text-sm">{action}</div> : null}
        </div>
        {description ? (
          <p className="text-muted-foreground -mt-2 text-xs">{description}</p>
        ) : null}
        {children}
      </section>
    </Card>
  );
}

/** The line a card shows when it has nothing to list. */
function EmptyLine({ children }: { children: ReactNode }) {
  return <p className="text-muted-foreground text-sm">{children}</p>;
}

/** "Showing 8 of 23 — all in Runs" under a list cut short. */
function MoreLine({
  shown,
  total,
  href,
}: {
  shown: number;
  total: number;
  href: string;
}) {
  if (total <= shown) return null;
  return (
    <p className="text-muted-foreground text-xs">
      Showing {shown} of {total.toLocaleString("en-US")} ·{" "}
      <Link className="underline" href={href}>
        see all in Runs
      </Link>
    </p>
  );
}

/**
 * A home card listing runs: its total beside the title, `empty` when there is none, and a link to
 * the Runs page when the list is cut short.
 */
export function RunListCard({
  id,
  title,
  description,
  total,
  empty,
  moreHref,
  rows,
}: {
  id: string;
  title: string;
  description?: string;
  total: number;
  empty: string;
  moreHref: string;
  rows: ReactNode[];
}) {
  return (
    <HomeCard
      id={id}
      title={title}
      description={description}
      action={
        <span className="text-muted-foreground text-xs tabular-nums">
          {total.toLocaleString("en-US")}
        </span>
      }
    >
      {rows.length === 0 ? (
        <EmptyLine>{empty}</EmptyLine>
      ) : (
        <ul className="divide-border divide-y">{rows}</ul>
      )}
      <MoreLine shown={rows.length} total={total} href={moreHref} />
    </HomeCard>
  );
}

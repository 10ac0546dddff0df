import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";

/** One numbered step of the new-deletion flow. */
export function FormSection({
  step,
  title,
  description,
  actions,
  children,
}: {
  step: number;
  title: string;
  description?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card className="p-5">
      {/* Not a labelled region on purpose: "Provider" and "Video IDs" must each name one field. */}
      <section className="space-y-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="flex items-start gap-3">
            <span
              aria-hidden
              className="bg-primary text-primary-foreground mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold"
            >
              {step}
            </span>
            <div>
              <h2 className="font-semibold">{title}</h2>
              {description ? (
                <p className="text-muted-foreground text-sm">{description}</p>
              ) : null}
            </div>
          </div>
          {actions ? <div className="flex gap-2">{actions}</div> : null}
        </div>
        {children}
      </section>
    </Card>
  );
}

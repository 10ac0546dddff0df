"use client";

import { Badge } from "@/components/ui/badge";
import type { ProviderBudgets, RateBudgetState } from "@/lib/home/schemas";
import { useProviders } from "@/lib/providers/queries";
import { HomeCard } from "./home-card";

const per = (perMs: number) =>
  perMs === 1000 ? "s" : perMs === 60_000 ? "min" : `${perMs / 1000} s`;

function BudgetLine({ budget }: { budget: RateBudgetState }) {
  const share = budget.requests > 0 ? budget.free / budget.requests : 0;
  return (
    <li className="space-y-1">
      <div className="flex items-baseline gap-2 text-xs">
        <span className="text-muted-foreground">
          {budget.families.join(", ")}
        </span>
        <span className="ml-auto tabular-nums">
          {budget.free} of {budget.requests}/{per(budget.perMs)} free
          {budget.bookedMs > 0
            ? ` · booked ${(budget.bookedMs / 1000).toFixed(1)} s ahead`
            : ""}
        </span>
      </div>
      <div
        role="meter"
        aria-label={`${budget.families.join(", ")} budget free`}
        aria-valuemin={0}
        aria-valuemax={budget.requests}
        aria-valuenow={budget.free}
        className="bg-muted h-1.5 overflow-hidden rounded-full"
      >
        <div
          className={share < 0.25 ? "bg-warning h-full" : "bg-success h-full"}
          style={{ width: `${Math.round(share * 100)}%` }}
        />
      </div>
    </li>
  );
}

/**
 * Each provider's health (the cached check of GET /api/providers, which spends no budget) and
 * what is left of its rate budgets right now (from the database's send slots).
 */
export function ProviderHealthCard({
  budgets,
}: {
  budgets: ProviderBudgets[];
}) {
  const providers = useProviders();
  const health = new Map(
    (providers.data ?? []).map((provider) => [provider.id, provider.health]),
  );
  return (
    <HomeCard
      id="home-providers"
      title="Providers"
      description="Health from the last check (at most a minute old) and each rate budget's free sends in the coming window."
    >
      {providers.isError ? (
        <p role="alert" className="text-destructive text-sm">
          Could not load provider health: {providers.error.message}
        </p>
      ) : null}
      <ul className="divide-border divide-y" aria-label="Provider health">
        {budgets.map((provider) => {
          const check = health.get(provider.id);
          return (
            <li
              key={provider.id}
              className="space-y-2 py-2.5 first:pt-0 last:pb-0"
              data-testid={`provider-${provider.id}`}
            >
              <div className="flex items-center gap-2 text-sm">
                <span className="font-medium">{provider.label}</span>
                {!provider.configured ? (
                  <Badge tone="neutral">Not configured</Badge>
                ) : check === undefined ? (
                  <Badge tone="neutral">Checking…</Badge>
                ) : check?.ok ? (
                  <Badge tone="success" title={check.message}>
                    Healthy
                  </Badge>
                ) : (
                  <Badge tone="danger" title={check?.message}>
                    Unhealthy
                  </Badge>
                )}
              </div>
              {check && !check.ok ? (
                <p className="text-destructive text-xs break-words">
                  {check.message}
                </p>
              ) : null}
              {provider.budgets.length > 0 ? (
                <ul className="space-y-1.5">
                  {provider.budgets.map((budget) => (
                    <BudgetLine key={budget.families.join()} budget={budget} />
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ul>
    </HomeCard>
  );
}

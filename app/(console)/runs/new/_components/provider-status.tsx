import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { describeRateLimit } from "@/lib/providers/describe-rate-limit";
import { useProviders } from "@/lib/providers/queries";
import type { ProviderSummary } from "@/lib/providers/schemas";

function StatusBadge({ provider }: { provider: ProviderSummary }) {
  if (!provider.configured) return <Badge tone="neutral">Not configured</Badge>;
  if (provider.health?.ok) return <Badge tone="success">Ready</Badge>;
  return <Badge tone="danger">Unreachable</Badge>;
}

function ProviderRow({ provider }: { provider: ProviderSummary }) {
  return (
    <li className="py-3 first:pt-0 last:pb-0">
      <section aria-label={provider.label} className="space-y-1">
        <div className="flex items-center justify-between gap-2">
          <h3 className="text-sm font-medium">{provider.label}</h3>
          <StatusBadge provider={provider} />
        </div>
        {provider.configured ? (
          <div className="text-muted-foreground space-y-0.5 text-xs">
            <p>
              <span>{provider.maxBatch} per call</span>
              {provider.rateLimit ? (
                <span> · {describeRateLimit(provider.rateLimit)}</span>
              ) : null}
            </p>
            {provider.health ? (
              <p
                className={
                  provider.health.ok ? "text-success" : "text-destructive"
                }
              >
                {provider.health.message}
              </p>
            ) : null}
          </div>
        ) : (
          <p className="text-muted-foreground text-xs">
            Set {provider.missing.join(" and ")} on the server to enable it.
          </p>
        )}
      </section>
    </li>
  );
}

/** Compact health and limits of every provider, beside the form. */
export function ProviderStatus() {
  const providers = useProviders();
  return (
    <Card className="p-4">
      {/* Unlabelled: a "Providers" region would also answer getByLabel("Provider"). */}
      <section className="space-y-3">
        <h2 className="text-sm font-semibold">Providers</h2>
        {providers.isPending ? (
          <p className="text-muted-foreground text-sm">Checking providers…</p>
        ) : providers.isError ? (
          <p role="alert" className="text-destructive text-sm">
            Could not load providers: {providers.error.message}
          </p>
        ) : (
          <ul className="divide-border divide-y">
            {providers.data.map((provider) => (
              <ProviderRow key={provider.id} provider={provider} />
            ))}
          </ul>
        )}
      </section>
    </Card>
  );
}

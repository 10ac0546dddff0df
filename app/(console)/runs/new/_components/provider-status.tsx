"use client";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { useProviders } from "@/lib/providers/queries";
import {
  describeRateLimit,
  type ProviderSummary,
} from "@/lib/providers/schemas";

function ProviderCard({ provider }: { provider: ProviderSummary }) {
  return (
    <Card className="space-y-2 p-4" aria-label={provider.label} role="region">
      <div className="flex items-center justify-between gap-2">
        <h3 className="font-medium">{provider.label}</h3>
        {!provider.configured ? (
          <Badge tone="neutral">Not configured</Badge>
        ) : provider.health?.ok ? (
          <Badge tone="success">Ready</Badge>
        ) : (
          <Badge tone="danger">Unreachable</Badge>
        )}
      </div>
      {provider.configured ? (
        <dl className="text-muted-foreground grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
          <dt>Batch size</dt>
          <dd className="text-foreground">{provider.maxBatch} per call</dd>
          <dt>Rate limit</dt>
          <dd className="text-foreground">
            {provider.rateLimit ? describeRateLimit(provider.rateLimit) : "—"}
          </dd>
          <dt>ID format</dt>
          <dd className="text-foreground">{provider.idFormat}</dd>
          <dt>Health</dt>
          <dd
            className={
              provider.health?.ok ? "text-success" : "text-destructive"
            }
          >
            {provider.health?.message}
          </dd>
        </dl>
      ) : (
        <p className="text-muted-foreground text-xs">
          Set {provider.missing.join(" and ")} on the server to enable it.
        </p>
      )}
    </Card>
  );
}

export function ProviderStatus() {
  const providers = useProviders();
  if (providers.isPending)
    return <p className="text-muted-foreground text-sm">Checking providers…</p>;
  if (providers.isError) {
    return (
      <p role="alert" className="text-destructive text-sm">
        Could not load providers: {providers.error.message}
      </p>
    );
  }
  return (
    <section aria-labelledby="providers-heading" className="space-y-3">
      <h2 id="providers-heading" className="text-sm font-semibold">
        Providers
      </h2>
      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-4">
        {providers.data.map((provider) => (
          <ProviderCard key={provider.id} provider={provider} />
        ))}
      </div>
    </section>
  );
}

import { Label, Select } from "@/components/ui/input";
import { describeRateLimit } from "@/lib/providers/describe-rate-limit";
import { idFormats } from "@/lib/providers/id-formats";
import type { ProviderSummary } from "@/lib/providers/schemas";
import type { ProviderId } from "@/lib/providers/types";

interface ProviderPickerProps {
  providers: ProviderSummary[];
  value: ProviderId | null;
  onChange: (provider: ProviderId) => void;
  disabled?: boolean;
}

/** Only configured providers can be picked; the others say which variables would enable them. */
export function ProviderPicker({
  providers,
  value,
  onChange,
  disabled,
}: ProviderPickerProps) {
  const selected = providers.find((p) => p.id === value);
  const unconfigured = providers.filter((p) => !p.configured);
  return (
    <div className="space-y-2">
      <Label htmlFor="provider" className="block">
        Provider
      </Label>
      <Select
        id="provider"
        value={value ?? ""}
        disabled={disabled}
        aria-describedby="provider-hint"
        onChange={(event) => onChange(event.target.value as ProviderId)}
        className="max-w-sm"
      >
        <option value="" disabled>
          Choose a provider…
        </option>
        {providers.map((provider) => (
          <option
            key={provider.id}
            value={provider.id}
            disabled={!provider.configured}
          >
            {provider.configured
              ? provider.label
              : `${provider.label} (not configured)`}
          </option>
        ))}
      </Select>
      <div
        id="provider-hint"
        className="text-muted-foreground space-y-1 text-xs"
      >
        {selected ? (
          <p>
            Video IDs are {idFormats[selected.id].description}, e.g.{" "}
            <code className="text-foreground font-mono">
              {idFormats[selected.id].example}
            </code>
            . Deleted in batches of {selected.maxBatch}
            {selected.rateLimit
              ? `, at most ${describeRateLimit(selected.rateLimit)}`
              : ""}
            .
            {selected.health && !selected.health.ok ? (
              <span className="text-destructive">
                {" "}
                Last health check failed: {selected.health.message}
              </span>
            ) : null}
          </p>
        ) : null}
        {unconfigured.length > 0 ? (
          <ul>
            {unconfigured.map((provider) => (
              <li key={provider.id}>
                {provider.label} is not configured: set{" "}
                {provider.missing.map((name, index) => (
                  <span key={name}>
                    {index > 0 ? " and " : ""}
                    <code className="text-foreground font-mono">{name}</code>
                  </span>
                ))}{" "}
                on the server to enable it.
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

import { X } from "lucide-react";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input, Label, Select } from "@/components/ui/input";
import { useProviders } from "@/lib/providers/queries";
import { providerIds } from "@/lib/providers/types";
import { runStatusLabels } from "@/lib/runs/outcome-labels";
import type { RunsQuery } from "@/lib/runs/schemas";
import { runStatuses } from "@/lib/runs/vocabulary";
import { oneOf } from "@/lib/search-params";
import { DebouncedInput } from "./debounced-input";
import { hasRunFilters } from "./runs-search-params";

type FilterPatch = Partial<RunsQuery>;

function Field({
  id,
  label,
  children,
}: {
  id: string;
  label: string;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <Label htmlFor={id} className="block text-xs">
        {label}
      </Label>
      {children}
    </div>
  );
}

/** A `Field` choosing one of `values`, or none (`all`, the empty option). */
function SelectField<T extends string>({
  id,
  label,
  className,
  all,
  value,
  values,
  onChange,
  children,
}: {
  id: string;
  label: string;
  className: string;
  all: string;
  value: T | undefined;
  values: readonly T[];
  onChange: (value: T | undefined) => void;
  children: ReactNode;
}) {
  return (
    <Field id={id} label={label}>
      <Select
        id={id}
        className={className}
        value={value ?? ""}
        onChange={(event) => onChange(oneOf(values, event.target.value))}
      >
        <option value="">{all}</option>
        {children}
      </Select>
    </Field>
  );
}

/** Provider, status, operator, date range, "has failed rows" and run ID; each change resets the page. */
export function RunsFilters({
  query,
  onChange,
}: {
  query: RunsQuery;
  onChange: (patch: FilterPatch) => void;
}) {
  const providers = useProviders();
  // Remounts the text fields on "Clear filters": they keep drafts of their own while typing.
  const [resetKey, setResetKey] = useState(0);
  const set = (patch: FilterPatch) => onChange({ ...patch, offset: 0 });

  return (
    <div className="flex flex-wrap items-end gap-3">
      <SelectField
        id="runs-provider"
        label="Provider"
        className="h-8 w-40 text-xs"
        all="All providers"
        value={query.provider}
        values={providerIds}
        onChange={(provider) => set({ provider })}
      >
        {(providers.data ?? []).map((provider) => (
          <option key={provider.id} value={provider.id}>
            {provider.label}
          </option>
        ))}
        {query.provider && !providers.data ? (
          <option value={query.provider}>{query.provider}</option>
        ) : null}
      </SelectField>
      <SelectField
        id="runs-status"
        label="Status"
        className="h-8 w-44 text-xs"
        all="All statuses"
        value={query.status}
        values={runStatuses}
        onChange={(status) => set({ status })}
      >
        {runStatuses.map((status) => (
          <option key={status} value={status}>
            {runStatusLabels[status].label}
          </option>
        ))}
      </SelectField>
      <Field id="runs-operator" label="Operator email">
        <DebouncedInput
          key={`operator-${resetKey}`}
          id="runs-operator"
          type="email"
          placeholder="name@example.com"
          className="h-8 w-56 text-xs"
          maxLength={320}
          value={query.operator ?? ""}
          onValueChange={(operator) => set({ operator: operator || undefined })}
        />
      </Field>
      <Field id="runs-from" label="From">
        <Input
          id="runs-from"
          type="date"
          className="h-8 w-36 text-xs"
          value={query.from ?? ""}
          max={query.to}
          onChange={(event) => set({ from: event.target.value || undefined })}
        />
      </Field>
      <Field id="runs-to" label="To">
        <Input
          id="runs-to"
          type="date"
          className="h-8 w-36 text-xs"
          value={query.to ?? ""}
          min={query.from}
          onChange={(event) => set({ to: event.target.value || undefined })}
        />
      </Field>
      <Field id="runs-q" label="Run ID">
        <DebouncedInput
          key={`q-${resetKey}`}
          id="runs-q"
          type="search"
          placeholder="Starts with…"
          className="h-8 w-40 font-mono text-xs"
          maxLength={36}
          value={query.q ?? ""}
          onValueChange={(q) => set({ q: q || undefined })}
        />
      </Field>
      <label
        className="flex h-8 items-center gap-2 text-xs font-medium"
        title="Runs with at least one Failed or Forbidden (refused) row"
      >
        <input
          type="checkbox"
          className="accent-primary size-4"
          checked={query.hasFailed}
          onChange={(event) => set({ hasFailed: event.target.checked })}
        />
        Has failed rows
      </label>
      {hasRunFilters(query) ? (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            setResetKey((key) => key + 1);
            set({
              provider: undefined,
              operator: undefined,
              status: undefined,
              from: undefined,
              to: undefined,
              hasFailed: false,
              q: undefined,
            });
          }}
        >
          <X aria-hidden className="size-4" />
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}

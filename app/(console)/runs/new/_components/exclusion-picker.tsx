import type {
  ExcludableExpectation,
  PreviewResponse,
} from "@/lib/runs/schemas";
import { excludableExpectations } from "@/lib/runs/vocabulary";
import { formatCount } from "./format";

const choices: Record<ExcludableExpectation, string> = {
  already_gone: "Skip already gone",
  processing: "Skip still processing",
  not_yours: "Skip not yours",
};

/** How many IDs the chosen exclusions skip, from the preview's counts. */
export const excludedCount = (
  preview: PreviewResponse,
  exclude: readonly ExcludableExpectation[],
) => exclude.reduce((sum, e) => sum + (preview.counts[e] ?? 0), 0);

/**
 * "Skip already gone / still processing / not yours": the run records those IDs as skipped and
 * never sends them. The server accepts only IDs this preview classified so (its signed evidence).
 */
export function ExclusionPicker({
  preview,
  value,
  onChange,
  disabled,
}: {
  preview: PreviewResponse;
  value: readonly ExcludableExpectation[];
  onChange: (value: ExcludableExpectation[]) => void;
  disabled: boolean;
}) {
  return (
    <fieldset className="space-y-2 rounded-md border px-3 py-2">
      <legend className="px-1 text-sm font-medium">When deleting</legend>
      <div className="flex flex-wrap gap-x-5 gap-y-1">
        {excludableExpectations.map((expectation) => {
          const count = preview.counts[expectation] ?? 0;
          const checked = value.includes(expectation);
          return (
            <label
              key={expectation}
              className="flex items-center gap-2 text-sm has-disabled:opacity-50"
            >
              <input
                type="checkbox"
                className="accent-primary size-4"
                checked={checked && count > 0}
                disabled={disabled || count === 0}
                onChange={(event) =>
                  onChange(
                    event.target.checked
                      ? [...value, expectation]
                      : value.filter((e) => e !== expectation),
                  )
                }
              />
              {choices[expectation]} ({formatCount(count)})
            </label>
          );
        })}
      </div>
      <p className="text-muted-foreground text-xs">
        Skipped IDs stay on the run&apos;s record as skipped and are never sent
        to the provider.
      </p>
    </fieldset>
  );
}

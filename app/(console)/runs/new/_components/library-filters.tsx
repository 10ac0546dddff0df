import { Input, Label, Select } from "@/components/ui/input";
import type { ProviderId } from "@/lib/providers/types";
import { formatCount } from "./format";

/** What the name box matches, per provider: said under the box, not left to guess. */
const nameMatchHelp: Partial<Record<ProviderId, string>> = {
  memories:
    "Names containing the text, in any case. memories.ai itself matches whole names only, so the console searches its list page by page.",
  vod: "Titles containing the text, in any case (VOD's own title search).",
};

interface LibraryFiltersProps {
  provider: ProviderId;
  statuses: readonly string[];
  status: string;
  onStatusChange: (status: string) => void;
  name: string;
  onNameChange: (name: string) => void;
  total: number | undefined;
  /** The console's own name search: how far into the library this page reached. */
  searched: { through: number; of: number } | undefined;
}

/** Status (the provider's own values) and name filters, the count, and what the name matches. */
export function LibraryFilters(props: LibraryFiltersProps) {
  const help = nameMatchHelp[props.provider];
  const { searched } = props;
  return (
    <div className="flex flex-wrap items-end gap-3">
      <div className="space-y-1">
        <Label htmlFor="library-status" className="block text-xs">
          Status
        </Label>
        <Select
          id="library-status"
          className="h-8 w-40 text-xs"
          value={props.status}
          onChange={(event) => props.onStatusChange(event.target.value)}
        >
          <option value="">All statuses</option>
          {props.statuses.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </Select>
      </div>
      <div className="space-y-1">
        <Label htmlFor="library-name" className="block text-xs">
          Name
        </Label>
        <Input
          id="library-name"
          type="search"
          className="h-8 w-56 text-xs"
          placeholder="Filter by name"
          value={props.name}
          onChange={(event) => props.onNameChange(event.target.value)}
          aria-describedby={help ? "library-name-help" : undefined}
        />
      </div>
      {props.total !== undefined ? (
        <p className="text-muted-foreground ml-auto text-xs">
          {formatCount(props.total)} matching
        </p>
      ) : searched ? (
        <p role="status" className="text-muted-foreground ml-auto text-xs">
          Searched {formatCount(searched.through)} of {formatCount(searched.of)}{" "}
          videos
          {searched.through < searched.of ? "; Next page searches on" : ""}
        </p>
      ) : null}
      {help ? (
        <p
          id="library-name-help"
          className="text-muted-foreground w-full text-xs"
        >
          Name filter: {help}
        </p>
      ) : null}
    </div>
  );
}

import { Input, Label, Select } from "@/components/ui/input";
import { formatCount } from "./format";

interface LibraryFiltersProps {
  statuses: readonly string[];
  status: string;
  onStatusChange: (status: string) => void;
  name: string;
  onNameChange: (name: string) => void;
  total: number | undefined;
}

/** Status (the provider's own values) and name filters; both are applied by the provider. */
export function LibraryFilters(props: LibraryFiltersProps) {
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
        />
      </div>
      {props.total !== undefined ? (
        <p className="text-muted-foreground ml-auto text-xs">
          {formatCount(props.total)} matching
        </p>
      ) : null}
    </div>
  );
}

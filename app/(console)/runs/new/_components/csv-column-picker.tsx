import { Label, Select } from "@/components/ui/input";
import { formatCount } from "./format";
import type { CsvExtract } from "./use-id-parser";

/** Which CSV column holds the IDs; the worker's guess is preselected. */
export function CsvColumnPicker({
  fileName,
  extract,
  onChange,
}: {
  fileName: string;
  extract: CsvExtract;
  onChange: (column: number) => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs">
      <Label htmlFor="csv-column" className="text-xs">
        ID column in {fileName}
      </Label>
      <Select
        id="csv-column"
        className="h-8 w-auto text-xs"
        value={extract.column}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {extract.layout.columns.map((column) => (
          <option key={column.index} value={column.index}>
            {column.name} ({formatCount(column.matches)} valid in sample)
          </option>
        ))}
      </Select>
      <span className="text-muted-foreground">
        {formatCount(extract.rowCount)} rows
        {extract.layout.hasHeader ? ", header row skipped" : ""}
      </span>
    </div>
  );
}

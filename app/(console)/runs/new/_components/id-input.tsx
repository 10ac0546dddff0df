import { useState, type RefObject } from "react";
import { Label } from "@/components/ui/input";
import { idFormatFor } from "@/lib/providers/id-formats";
import type { IdKind, ProviderId } from "@/lib/providers/types";
import { AttachedListNotice } from "./attached-list-notice";
import { CsvColumnPicker } from "./csv-column-picker";
import type { IdList } from "./use-id-list";
import type { CsvExtract } from "./use-id-parser";

const MAX_FILE_BYTES = 200 * 1024 * 1024;

interface IdInputProps {
  provider: ProviderId | null;
  idKind: IdKind;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  list: Omit<IdList, "textareaRef">;
  extractCsv: (
    text: string,
    provider: ProviderId,
    idKind: IdKind,
    column?: number,
  ) => Promise<CsvExtract | null>;
}

interface CsvFile {
  name: string;
  text: string;
  extract: CsvExtract;
}

/**
 * The "Video IDs" box and the file upload. The box is uncontrolled on purpose: a controlled
 * textarea would re-render on every keystroke; its value is read once typing pauses.
 */
export function IdInput({
  provider,
  idKind,
  textareaRef,
  list,
  extractCsv,
}: IdInputProps) {
  const { attached, fill, onInput, onPaste, removeAttached } = list;
  const [csv, setCsv] = useState<CsvFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  async function readCsv(name: string, text: string, column?: number) {
    if (!provider) return setFileError("Choose a provider first.");
    const extract = await extractCsv(text, provider, idKind, column);
    if (!extract) return;
    setCsv({ name, text, extract });
    fill(extract.text, name);
  }

  async function onFile(file: File | undefined) {
    setFileError(null);
    setCsv(null);
    if (!file) return;
    if (file.size > MAX_FILE_BYTES)
      return setFileError(`${file.name} is larger than 200 MB.`);
    try {
      const text = await file.text();
      if (/\.csv$/i.test(file.name) || file.type === "text/csv") {
        await readCsv(file.name, text);
      } else {
        fill(text, file.name);
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      setFileError(`Could not read ${file.name}: ${reason}`);
    }
  }

  const example = provider ? idFormatFor(provider, idKind)?.example : null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <Label htmlFor="video-ids">
          {idKind === "reference" ? "Reference IDs" : "Video IDs"}
        </Label>
        <label
          htmlFor="ids-file"
          className="border-border bg-card hover:bg-muted focus-within:ring-ring inline-flex h-8 cursor-pointer items-center rounded-md border px-3 text-xs font-medium focus-within:ring-2"
        >
          Upload .txt or .csv
          <input
            id="ids-file"
            type="file"
            accept=".txt,.csv,text/plain,text/csv"
            className="sr-only"
            onChange={(event) => {
              void onFile(event.target.files?.[0]);
              event.target.value = "";
            }}
          />
        </label>
      </div>
      {attached ? (
        <AttachedListNotice
          list={attached}
          onRemove={() => {
            setCsv(null);
            removeAttached();
          }}
        />
      ) : null}
      <textarea
        id="video-ids"
        ref={textareaRef}
        defaultValue=""
        onInput={() => {
          if (csv) setCsv(null);
          onInput();
        }}
        onPaste={onPaste}
        rows={10}
        spellCheck={false}
        autoComplete="off"
        aria-describedby="video-ids-hint"
        placeholder={
          example
            ? `${example}\n${example}, ${example}`
            : "Choose a provider, then paste IDs here"
        }
        className="border-border bg-card focus-visible:ring-ring w-full resize-y rounded-md border p-3 font-mono text-xs shadow-xs focus-visible:ring-2 focus-visible:outline-none"
      />
      <p id="video-ids-hint" className="text-muted-foreground text-xs">
        Separate IDs with new lines, commas, spaces or tabs. Only valid,
        distinct IDs are sent; the server checks them again.
      </p>
      {csv ? (
        <CsvColumnPicker
          fileName={csv.name}
          extract={csv.extract}
          onChange={(column) => void readCsv(csv.name, csv.text, column)}
        />
      ) : null}
      {fileError ? (
        <p role="alert" className="text-destructive text-xs">
          {fileError}
        </p>
      ) : null}
    </div>
  );
}

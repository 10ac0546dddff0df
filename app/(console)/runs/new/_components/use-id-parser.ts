import { useCallback, useEffect, useRef, useState } from "react";
import type { IdKind, ProviderId } from "@/lib/providers/types";
import type { CsvLayout } from "@/lib/runs/csv-ids";
import type {
  ParsedIdsSummary,
  ParseWorkerRequest,
  ParseWorkerResponse,
} from "@/lib/runs/parse-ids-web-worker";

export interface CsvExtract {
  layout: CsvLayout;
  column: number;
  rowCount: number;
  /** The column's cells, one per line. */
  text: string;
}

type Outgoing = ParseWorkerRequest extends infer R
  ? R extends ParseWorkerRequest
    ? Omit<R, "requestId">
    : never
  : never;

interface Pending {
  resolve: (response: ParseWorkerResponse) => void;
  reject: (error: Error) => void;
}

const EMPTY: ParsedIdsSummary = {
  valid: [],
  duplicateCount: 0,
  malformed: [],
  malformedCount: 0,
  tokenCount: 0,
};

class Superseded extends Error {}

/**
 * Parses ID lists and CSV files in lib/runs/parse-ids-web-worker.ts. Only the newest text parse may set
 * the result; a newer one terminates a worker still busy with an older (possibly huge) list
 * rather than queueing behind it.
 */
export function useIdParser() {
  const worker = useRef<Worker | null>(null);
  const pending = useRef(new Map<number, Pending>());
  const nextId = useRef(0);
  const latestParse = useRef(0);
  const [result, setResult] = useState<ParsedIdsSummary | null>(null);
  const [parsing, setParsing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const terminate = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
    for (const entry of pending.current.values())
      entry.reject(new Superseded());
    pending.current.clear();
  }, []);

  useEffect(() => terminate, [terminate]);

  const send = useCallback((request: Outgoing) => {
    if (!worker.current) {
      const created = new Worker(
        new URL(
          "../../../../../lib/runs/parse-ids-web-worker.ts",
          import.meta.url,
        ),
        { type: "module" },
      );
      created.onmessage = (event: MessageEvent<ParseWorkerResponse>) => {
        const entry = pending.current.get(event.data.requestId);
        pending.current.delete(event.data.requestId);
        entry?.resolve(event.data);
      };
      created.onerror = (event) => {
        for (const entry of pending.current.values())
          entry.reject(new Error(event.message || "The ID parser crashed."));
        pending.current.clear();
      };
      worker.current = created;
    }
    const requestId = ++nextId.current;
    return new Promise<ParseWorkerResponse>((resolve, reject) => {
      pending.current.set(requestId, { resolve, reject });
      worker.current!.postMessage({ ...request, requestId });
    });
  }, []);

  const parse = useCallback(
    async (text: string, provider: ProviderId, idKind: IdKind) => {
      const generation = ++latestParse.current;
      if (pending.current.size > 0) terminate();
      if (text.trim() === "") {
        setResult(EMPTY);
        setParsing(false);
        setError(null);
        return;
      }
      setParsing(true);
      try {
        const response = await send({ type: "text", provider, idKind, text });
        if (generation !== latestParse.current) return;
        if (response.type === "text") {
          setResult(response.result);
          setError(null);
        } else if (response.type === "error") setError(response.message);
        setParsing(false);
      } catch (caught) {
        if (caught instanceof Superseded) return;
        if (generation !== latestParse.current) return;
        setError(caught instanceof Error ? caught.message : String(caught));
        setParsing(false);
      }
    },
    [send, terminate],
  );

  const extractCsv = useCallback(
    async (
      text: string,
      provider: ProviderId,
      idKind: IdKind,
      column?: number,
    ): Promise<CsvExtract | null> => {
      if (pending.current.size > 0) terminate();
      let response: ParseWorkerResponse;
      try {
        response = await send({ type: "csv", provider, idKind, text, column });
      } catch (caught) {
        // A newer paste or file replaced this one; its caller has nothing left to do.
        if (caught instanceof Superseded) return null;
        throw caught;
      }
      if (response.type === "error") throw new Error(response.message);
      if (response.type !== "csv") throw new Error("Unexpected parser answer.");
      const { layout, rowCount } = response;
      return { layout, column: response.column, rowCount, text: response.text };
    },
    [send, terminate],
  );

  const clear = useCallback(() => {
    latestParse.current++;
    setResult(null);
    setParsing(false);
    setError(null);
  }, []);

  return { result, parsing, error, parse, extractCsv, clear };
}

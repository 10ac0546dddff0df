import { useCallback, useEffect, useRef, useState } from "react";
import type { ProviderId } from "@/lib/providers/types";
import { fetchVideosPage, type VideosFilter } from "./videos-query";

/** The list route's largest page: fewest round trips while walking a whole library. */
const COLLECT_PAGE_SIZE = 100;
/** The most IDs one request may carry (lib/runs/schemas.ts). */
const COLLECT_CAP = 1_000_000;

export interface CollectState {
  running: boolean;
  collected: number;
  error: string | null;
}

/**
 * "Select all N matching": walks every page of the filtered list with its cursor and returns
 * the IDs. Stoppable; a stopped walk keeps what it has collected so far.
 */
export function useCollectMatching() {
  const controller = useRef<AbortController | null>(null);
  const [state, setState] = useState<CollectState>({
    running: false,
    collected: 0,
    error: null,
  });

  useEffect(() => () => controller.current?.abort(), []);

  const collect = useCallback(
    async (
      provider: ProviderId,
      filter: VideosFilter,
    ): Promise<{ ids: string[]; complete: boolean }> => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const ids: string[] = [];
      setState({ running: true, collected: 0, error: null });
      let cursor: string | undefined;
      let complete = false;
      try {
        do {
          const page = await fetchVideosPage(
            provider,
            { ...filter, cursor, pageSize: COLLECT_PAGE_SIZE },
            abort.signal,
          );
          for (const video of page.items) ids.push(video.id);
          setState({ running: true, collected: ids.length, error: null });
          cursor = page.nextCursor ?? undefined;
        } while (cursor && !abort.signal.aborted && ids.length < COLLECT_CAP);
        complete = !cursor && !abort.signal.aborted;
        setState({ running: false, collected: ids.length, error: null });
      } catch (error) {
        setState({
          running: false,
          collected: ids.length,
          error: abort.signal.aborted
            ? null
            : error instanceof Error
              ? error.message
              : String(error),
        });
      }
      return { ids: ids.slice(0, COLLECT_CAP), complete };
    },
    [],
  );

  const stop = useCallback(() => controller.current?.abort(), []);

  return { ...state, collect, stop };
}

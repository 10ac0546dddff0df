import { usePathname, useRouter } from "next/navigation";
import {
  useCallback,
  useEffect,
  useOptimistic,
  useRef,
  useTransition,
} from "react";

/**
 * Table state (filters, sort, page) kept in the URL: the server page parses it and hands the query
 * back as props, so every view is a shareable link. Until that navigation lands, the controls
 * show the requested query (`query`), and a second change made meanwhile builds on the first
 * instead of on the stale props, so quick successive changes are never lost.
 */
export function useUrlQuery<Q extends object>(
  serverQuery: Q,
  toSearch: (query: Q) => string,
) {
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();
  const [query, showQuery] = useOptimistic(serverQuery);
  const requested = useRef<Q | null>(null);

  useEffect(() => {
    if (!isPending) requested.current = null;
  }, [isPending]);

  const update = useCallback(
    (patch: Partial<Q>) => {
      const next = { ...(requested.current ?? serverQuery), ...patch };
      requested.current = next;
      startTransition(() => {
        showQuery(next);
        router.replace(`${pathname}${toSearch(next)}`, { scroll: false });
      });
    },
    [pathname, router, serverQuery, showQuery, toSearch],
  );
  return { query, update, isPending };
}

import { usePathname, useRouter } from "next/navigation";
import { useCallback, useTransition } from "react";
import type { RunsQuery } from "@/lib/runs/schemas";
import { runsSearchString } from "./runs-search-params";

/**
 * Writes the history's filters, sort and page to the URL. The server page parses it and hands the
 * new query back as props, so the URL stays the single source of truth and every view is shareable.
 */
export function useRunsNavigation(query: RunsQuery) {
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();
  const update = useCallback(
    (patch: Partial<RunsQuery>) => {
      const next = { ...query, ...patch };
      startTransition(() =>
        router.replace(`${pathname}${runsSearchString(next)}`, {
          scroll: false,
        }),
      );
    },
    [pathname, query, router],
  );
  return { update, isPending };
}

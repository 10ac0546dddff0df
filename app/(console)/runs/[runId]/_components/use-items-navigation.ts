import { usePathname, useRouter } from "next/navigation";
import { useCallback, useTransition } from "react";
import type { RunItemsQuery } from "@/lib/runs/schemas";
import { itemsSearchString } from "./items-search-params";

/**
 * Writes table state (filter, sort, page) to the URL. The server page parses it and hands the new
 * query back as props, so the URL stays the single source of truth and every view is shareable.
 */
export function useItemsNavigation(query: RunItemsQuery) {
  const router = useRouter();
  const pathname = usePathname();
  const [isPending, startTransition] = useTransition();
  const update = useCallback(
    (patch: Partial<RunItemsQuery>) => {
      const next = { ...query, ...patch };
      startTransition(() =>
        router.replace(`${pathname}${itemsSearchString(next)}`, {
          scroll: false,
        }),
      );
    },
    [pathname, query, router],
  );
  return { update, isPending };
}

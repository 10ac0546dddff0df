// Browser: the home page's data, refreshed while anything is in progress.
import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import type { HomeOverview } from "./schemas";

/** While a run is in progress or waiting, its progress is refreshed this often. */
export const HOME_LIVE_POLL_MS = 3_000;
/** Otherwise the page still notices new runs and problems. */
export const HOME_IDLE_POLL_MS = 30_000;

export const homeQueryOptions = () =>
  queryOptions({
    queryKey: ["home"],
    queryFn: async () => {
      // The schema (and zod, ~30 KB gzip) loads with the first poll, not with the page.
      const schemas = import("./schemas");
      const body = await fetchJson("/api/home");
      return (await schemas).homeOverviewSchema.parse(body);
    },
    refetchInterval: (query) => {
      const data: HomeOverview | undefined = query.state.data;
      return data && data.inProgress.total + data.awaiting.total > 0
        ? HOME_LIVE_POLL_MS
        : HOME_IDLE_POLL_MS;
    },
  });

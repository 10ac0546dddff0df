// Browser: provider list with limits and health.
import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";

export const providersQueryOptions = () =>
  queryOptions({
    queryKey: ["providers", "list"],
    queryFn: async () => {
      // The schemas (and zod, ~30 KB gzip) load with the first answer, not with the page.
      const schemas = import("./schemas");
      const body = await fetchJson("/api/providers");
      return (await schemas).providersResponseSchema.parse(body).providers;
    },
    staleTime: 60_000,
  });

export const useProviders = () => useQuery(providersQueryOptions());

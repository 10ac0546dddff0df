// Browser: provider list with limits and health.
import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import { providersResponseSchema } from "./schemas";

export const providersQueryOptions = () =>
  queryOptions({
    queryKey: ["providers", "list"],
    queryFn: async () =>
      providersResponseSchema.parse(await fetchJson("/api/providers"))
        .providers,
    staleTime: 60_000,
  });

export const useProviders = () => useQuery(providersQueryOptions());

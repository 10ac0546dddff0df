// Browser: one page of a provider's video library (GET /api/providers/{id}/videos). Kept beside
// its only user; it moves to lib/providers/queries.ts if a second page needs it.
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { fetchJson } from "@/lib/http/fetch-json";
import type { ProviderId } from "@/lib/providers/types";

export const videoSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  createdAt: z.string().optional(),
  /** VOD's application: another one's video will end forbidden. */
  owner: z.string().optional(),
  ownedByConsole: z.boolean().optional(),
});
export type VideoSummary = z.infer<typeof videoSummarySchema>;

const videosPageSchema = z.object({
  items: z.array(videoSummarySchema),
  nextCursor: z.string().nullable(),
  total: z.number().optional(),
  /** memories.ai's name search, done by the console: how far into the library it reached. */
  searched: z.object({ through: z.number(), of: z.number() }).optional(),
});
export type VideosPage = z.infer<typeof videosPageSchema>;

export interface VideosFilter {
  status?: string;
  name?: string;
}

export async function fetchVideosPage(
  provider: ProviderId,
  params: VideosFilter & { cursor?: string; pageSize: number },
  signal?: AbortSignal,
): Promise<VideosPage> {
  const search = new URLSearchParams({ pageSize: String(params.pageSize) });
  if (params.cursor) search.set("cursor", params.cursor);
  if (params.status) search.set("status", params.status);
  if (params.name) search.set("name", params.name);
  return videosPageSchema.parse(
    await fetchJson(`/api/providers/${provider}/videos?${search}`, { signal }),
  );
}

export const providerVideosQueryOptions = (
  provider: ProviderId,
  params: VideosFilter & { cursor?: string; pageSize: number },
) =>
  queryOptions({
    queryKey: ["providers", "videos", provider, params],
    queryFn: ({ signal }) => fetchVideosPage(provider, params, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

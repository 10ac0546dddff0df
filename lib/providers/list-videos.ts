import "server-only";
import { z } from "zod";
import { ApiError } from "@/lib/http/errors";
import { ProviderListError } from "./list-error";
import { getProvider } from "./registry";
import { providerIdSchema } from "./schemas";
import type { Page, VideoSummary } from "./types";

/** memories.ai and VOD (vod.md §5.4) both cap a list page at 100. */
export const MAX_VIDEOS_PAGE_SIZE = 100;

export const videosParamsSchema = z.object({ providerId: z.string() });

export const videosQuerySchema = z.object({
  cursor: z.string().max(4000).optional(),
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(
      MAX_VIDEOS_PAGE_SIZE,
      `At most ${MAX_VIDEOS_PAGE_SIZE} videos per page.`,
    )
    .default(50),
  status: z.string().trim().max(100).optional(),
  name: z.string().trim().max(200).optional(),
});
export type VideosQuery = z.infer<typeof videosQuerySchema>;

function listFailure(label: string, error: ProviderListError): ApiError {
  // A cursor that is not one we handed out (or is another filter's) is the caller's mistake.
  if (error.reason === "invalid_cursor") {
    return new ApiError("bad_request", error.message);
  }
  const { failure } = error;
  const reason = [failure.code, failure.message].filter(Boolean).join(": ");
  return new ApiError(
    "unavailable",
    `${label} could not list videos${reason ? ` (${reason})` : ""}.`,
    failure.retryAfterMs !== undefined
      ? { retryAfterSeconds: Math.ceil(failure.retryAfterMs / 1000) }
      : {},
  );
}

/**
 * One page of a provider's video library for the "select videos" table.
 * Steps: resolve the provider (404 if unknown or it has no list) → 409 when it has no
 * credentials → call the adapter's list() → map its failures to an ApiError.
 * The cursor is opaque and belongs to the same status/name filter that produced it.
 */
export async function listProviderVideos(
  providerId: string,
  query: VideosQuery,
): Promise<Page<VideoSummary>> {
  const id = providerIdSchema.safeParse(providerId);
  if (!id.success)
    throw new ApiError("not_found", `No provider "${providerId}".`);
  const entry = getProvider(id.data);
  if (!entry.adapter) {
    throw new ApiError(
      "conflict",
      `${entry.label} is not configured. Set ${entry.missing.join(" and ")} on the server.`,
    );
  }
  if (!entry.adapter.list) {
    throw new ApiError(
      "not_found",
      `${entry.label} cannot list videos; paste or upload the IDs instead.`,
    );
  }
  try {
    return await entry.adapter.list({
      pageSize: query.pageSize,
      ...(query.cursor ? { cursor: query.cursor } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.name ? { name: query.name } : {}),
    });
  } catch (error) {
    if (error instanceof ProviderListError)
      throw listFailure(entry.label, error);
    throw error;
  }
}

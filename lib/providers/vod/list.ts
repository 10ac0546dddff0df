import "server-only";
import { ProviderListError } from "../list-error";
import type { ListParams, Page, VideoSummary } from "../types";
import { callVod, type VodClient } from "./rpc";
import { parseBody, searchMediaResponseSchema, VOD_LABEL } from "./wire";

// Listing with SearchMedia (docs/providers/vod.md §5.4) rather than GetVideoList (§5.3), which
// reaches only the first 5,000 records. Each page passes the previous ScrollToken, so a library of
// any size can be walked; the cursor we hand out is opaque and carries the token and its filter.

/** §5.4: PageSize ≤ 100. */
export const MAX_PAGE_SIZE = 100;
const SORT_BY = "CreationTime:Desc";

interface Cursor {
  /** ScrollToken of the previous answer. */
  t: string;
  /** PageNo of the previous answer. */
  p: number;
  /** The Match the token belongs to (a token is only valid for its own query). */
  m: string;
}

/**
 * §5.4 Match: the doc's grammar has no escape inside quotes [unknown], so the quote used is one
 * the value lacks; a value holding both kinds loses its double quotes (a fuzzy match anyway).
 */
function quote(value: string): string {
  if (!value.includes("'")) return `'${value}'`;
  return `"${value.replaceAll('"', "")}"`;
}

/** `Status in ('Normal')` and/or `Title = 'x'` (fuzzy title match, §5.4), joined by `and`. */
export function matchExpression(
  params: Pick<ListParams, "status" | "name">,
): string {
  const clauses: string[] = [];
  if (params.status) clauses.push(`Status in (${quote(params.status)})`);
  if (params.name) clauses.push(`Title = ${quote(params.name)}`);
  return clauses.join(" and ");
}

function decodeCursor(cursor: string, match: string): Cursor {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    decoded = undefined;
  }
  const c = decoded as Partial<Cursor> | undefined;
  if (
    typeof c?.t !== "string" ||
    typeof c.p !== "number" ||
    typeof c.m !== "string"
  ) {
    throw new ProviderListError(
      "invalid_cursor",
      { code: "invalid_cursor" },
      "Invalid VOD list cursor.",
    );
  }
  if (c.m !== match)
    throw new ProviderListError(
      "invalid_cursor",
      { code: "invalid_cursor" },
      "This VOD list cursor belongs to another filter.",
    );
  return c as Cursor;
}

const encodeCursor = (c: Cursor) =>
  Buffer.from(JSON.stringify(c), "utf8").toString("base64url");

/** One page of videos; throws `ProviderListError` when the provider refuses or cannot be reached. */
export async function listVideos(
  client: VodClient,
  params: ListParams,
): Promise<Page<VideoSummary>> {
  const pageSize = Math.min(
    Math.max(Math.trunc(params.pageSize) || 1, 1),
    MAX_PAGE_SIZE,
  );
  const match = matchExpression(params);
  const previous = params.cursor
    ? decodeCursor(params.cursor, match)
    : undefined;
  const pageNo = previous ? previous.p + 1 : 1;
  const business: Record<string, string> = {
    SearchType: "video",
    SortBy: SORT_BY,
    PageNo: String(pageNo),
    PageSize: String(pageSize),
    ...(match ? { Match: match } : {}),
    ...(previous ? { ScrollToken: previous.t } : {}),
  };
  const parsed = parseBody(
    searchMediaResponseSchema,
    await callVod(client, "SearchMedia", business),
  );
  if (!parsed.ok) {
    throw new ProviderListError(
      "provider_failed",
      parsed.failure,
      `${VOD_LABEL} SearchMedia failed: ${parsed.failure.code ?? "error"}: ${parsed.failure.message ?? ""}`,
    );
  }
  const { MediaList, ScrollToken, Total } = parsed.data;
  const items = MediaList.map((media): VideoSummary => {
    const appId = media.Video?.AppId;
    return {
      id: media.Video?.VideoId ?? media.MediaId,
      name: media.Video?.Title ?? "",
      status: media.Video?.Status ?? "",
      createdAt: media.Video?.CreationTime ?? media.CreationTime,
      // SearchMedia lists every application's videos; DeleteVideo refuses another's (§4,
      // ForbiddenVideoIds), so the picker says whose each one is.
      ...(appId
        ? { owner: appId, ownedByConsole: appId === client.appId }
        : {}),
    };
  });
  // A short page is the last one. Total is not used to stop: deletes between pages lower it while
  // the token keeps its place, so counting against it would end the walk early.
  const more = items.length === pageSize && ScrollToken !== undefined;
  return {
    items,
    nextCursor: more
      ? encodeCursor({ t: ScrollToken, p: pageNo, m: match })
      : null,
    total: Total,
  };
}

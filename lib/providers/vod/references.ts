import "server-only";
import { failAll } from "../http";
import { vodReferenceIdFormat } from "../id-formats";
import type { LookupResult, OutcomeResult } from "../types";
import { callVod, type VodClient } from "./rpc";
import {
  deleteVideoResponseSchema,
  getVideoInfosResponseSchema,
  lookupFailure,
  lookupOfVideo,
  parseBody,
} from "./wire";

// Deleting and looking up by customer-defined ReferenceIds (docs/providers/vod.md §4, §5.1,
// docs/design.md §4). The answer names missing ReferenceIds in NonExistReferenceIds, but which ID a
// forbidden video is reported by is [unknown]: we accept a ReferenceId in ForbiddenVideoIds as is,
// and map a VideoId there back to its ReferenceId with GetVideoInfos. What cannot be mapped is
// never guessed to be deleted: it stays `failed`, retryable, for the worker to confirm.

/** §7: opaque customer strings; a comma would split the list. */
export const REFERENCE_ID_PATTERN = vodReferenceIdFormat.pattern;

function forbiddenOutcome(requestId: string): OutcomeResult {
  return {
    outcome: "forbidden",
    code: "ForbiddenVideoIds",
    message: `Listed in ForbiddenVideoIds: this account may not delete it (RequestId ${requestId}).`,
    retryable: false,
  };
}

/** VideoId → ReferenceId for the forbidden videos, as far as GetVideoInfos tells. */
async function referencesOf(
  client: VodClient,
  videoIds: string[],
): Promise<Map<string, string>> {
  const refs = new Map<string, string>();
  if (videoIds.length === 0) return refs;
  const parsed = parseBody(
    getVideoInfosResponseSchema,
    await callVod(client, "GetVideoInfos", { VideoIds: videoIds.join(",") }),
  );
  if (!parsed.ok) return refs;
  for (const video of parsed.data.VideoList) {
    if (video.ReferenceId !== undefined)
      refs.set(video.VideoId, video.ReferenceId);
  }
  return refs;
}

/** One DeleteVideo call with ReferenceIds (≤ 20 distinct, well-formed). */
export async function deleteReferenceChunk(
  client: VodClient,
  refs: string[],
): Promise<Map<string, OutcomeResult>> {
  const parsed = parseBody(
    deleteVideoResponseSchema,
    await callVod(client, "DeleteVideo", { ReferenceIds: refs.join(",") }),
  );
  if (!parsed.ok) return failAll(refs, parsed.failure);
  const data = parsed.data;
  const missing = new Set(data.NonExistReferenceIds);
  const present = refs.filter((ref) => !missing.has(ref));
  const reported = [
    ...new Set([...data.ForbiddenVideoIds, ...data.UnRemoveableVideoIds]),
  ];

  const forbidden = new Set(reported.filter((id) => present.includes(id)));
  const byVideoId = reported.filter((id) => !refs.includes(id));
  const mapped = await referencesOf(client, byVideoId);
  for (const ref of mapped.values())
    if (present.includes(ref)) forbidden.add(ref);
  const unmapped = byVideoId.filter((id) => !mapped.has(id)).length;
  const open = present.filter((ref) => !forbidden.has(ref));
  // Every present ReferenceId was either deleted or refused, one video each: with no refusal left
  // to place the rest were deleted, and with as many refusals as open IDs none was.
  const openOutcome: OutcomeResult =
    unmapped === 0
      ? { outcome: "deleted", retryable: false }
      : unmapped >= open.length
        ? forbiddenOutcome(data.RequestId)
        : {
            outcome: "failed",
            code: "unconfirmed",
            message: `${unmapped} of these videos were refused (ForbiddenVideoIds by VideoId) and could not be matched to their ReferenceIds (RequestId ${data.RequestId}); look them up before retrying.`,
            retryable: true,
          };

  return new Map(
    refs.map((ref): [string, OutcomeResult] => {
      if (missing.has(ref)) {
        return [
          ref,
          {
            outcome: "not_found",
            code: "NonExistReferenceIds",
            message: `Listed in NonExistReferenceIds (RequestId ${data.RequestId}).`,
            retryable: false,
          },
        ];
      }
      return [
        ref,
        forbidden.has(ref) ? forbiddenOutcome(data.RequestId) : openOutcome,
      ];
    }),
  );
}

/** One GetVideoInfos call with ReferenceIds: absent from NonExistReferenceIds means it exists. */
export async function lookupReferenceChunk(
  client: VodClient,
  refs: string[],
): Promise<Map<string, LookupResult>> {
  const parsed = parseBody(
    getVideoInfosResponseSchema,
    await callVod(client, "GetVideoInfos", { ReferenceIds: refs.join(",") }),
  );
  if (!parsed.ok) return failAll(refs, lookupFailure(parsed.failure));
  const missing = new Set(parsed.data.NonExistReferenceIds);
  const byRef = new Map(parsed.data.VideoList.map((v) => [v.ReferenceId, v]));
  return new Map(
    refs.map((ref): [string, LookupResult] => {
      if (missing.has(ref))
        return [ref, { state: "not_found", code: "NonExistReferenceIds" }];
      return [ref, lookupOfVideo(byRef.get(ref), client.appId)];
    }),
  );
}

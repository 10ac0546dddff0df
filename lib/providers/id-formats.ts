// Video ID formats per provider (docs/providers/*.md §7). Pure, so the browser validates a
// pasted list with the very patterns the adapters enforce before anything is sent.
import type { IdKind, ProviderId } from "./types";

export interface IdFormat {
  pattern: RegExp;
  description: string;
  example: string;
  /**
   * The one spelling of an ID whose case does not matter, so two spellings of one video are one
   * row (else the second is sent after the first deleted it). Absent: the spelling is the ID.
   */
  canonical?: (id: string) => string;
}

export const idFormats: Record<ProviderId, IdFormat> = {
  // akool.md §7: MongoDB ObjectId; upper case accepted (inferred) and sent lower-cased.
  akool: {
    pattern: /^[0-9a-fA-F]{24}$/,
    description: "24 hexadecimal characters (a MongoDB ObjectId)",
    example: "68919a464b4dbdd4ab3d3034",
    canonical: (id) => id.toLowerCase(),
  },
  // memories.md §7: `VI` + digits (18 in real IDs); `PI-` + digits for public imports.
  memories: {
    pattern: /^(?:VI\d{6,24}|PI-\d{6,24})$/,
    description:
      "VI followed by 6–24 digits, e.g. VI606404158946574336 (or PI- and digits for a public import)",
    example: "VI606404158946574336",
  },
  // vod.md §7: 32 lowercase hex.
  vod: {
    pattern: /^[0-9a-f]{32}$/,
    description: "32 lowercase hexadecimal characters",
    example: "5aed81b74ba84920be578cdfe004af4b",
  },
  // imagine.md §7 [conflict]: integers on current endpoints, UUIDs on deprecated ones.
  imagine: {
    pattern:
      /^(?:\d{1,19}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i,
    description:
      "an integer of up to 19 digits (e.g. 1265) or a UUID (deprecated endpoints)",
    example: "1265",
  },
};

/** vod.md §4: customer-defined ReferenceIds; anything without commas or whitespace. */
export const vodReferenceIdFormat: IdFormat = {
  pattern: /^[^,\s]+$/,
  description: "a reference ID without commas or spaces",
  example: "order-2024-0001",
};

/** The kinds of ID a run on this provider may name; the first is the default. */
export function idKindsOf(provider: ProviderId): IdKind[] {
  return provider === "vod" ? ["video", "reference"] : ["video"];
}

/** The format a run's IDs must have, or null when the provider has no such kind of ID. */
export function idFormatFor(
  provider: ProviderId,
  kind: IdKind,
): IdFormat | null {
  if (!idKindsOf(provider).includes(kind)) return null;
  return kind === "reference" ? vodReferenceIdFormat : idFormats[provider];
}

export const idKindLabels: Record<
  IdKind,
  { plural: string; singular: string }
> = {
  video: { plural: "video IDs", singular: "video ID" },
  reference: { plural: "reference IDs", singular: "reference ID" },
};

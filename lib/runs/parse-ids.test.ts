import { describe, expect, it } from "vitest";
import { idFormats } from "@/lib/providers/id-formats";
import { parseIds, splitIds } from "./parse-ids";

describe("parseIds", () => {
  it("keeps the first of exact duplicates and reports malformed tokens with their position", () => {
    const parsed = parseIds(
      splitIds(
        "5aed81b74ba84920be578cdfe004af4b, nope\n5aed81b74ba84920be578cdfe004af4b",
      ),
      idFormats.vod,
    );
    expect(parsed).toMatchObject({
      valid: ["5aed81b74ba84920be578cdfe004af4b"],
      duplicateCount: 1,
      malformedCount: 1,
      malformed: [{ position: 2, value: "nope" }],
    });
  });

  // akool.md §7: IDs are case-insensitive ObjectIds. Two spellings of one video must be one row,
  // or a second row is sent for a video the first already deleted (G2, G4).
  it("counts upper- and lower-case spellings of one Akool ID as one, in its canonical spelling", () => {
    const parsed = parseIds(
      [
        "68919A464B4DBDD4AB3D3034",
        "68919a464b4dbdd4ab3d3034",
        "68919a464b4dbdd4AB3D3034",
      ],
      idFormats.akool,
    );
    expect(parsed.valid).toEqual(["68919a464b4dbdd4ab3d3034"]);
    expect(parsed.duplicateCount).toBe(2);
  });

  it("keeps the spelling of IDs whose case matters", () => {
    const parsed = parseIds(["VI606404158946574336"], idFormats.memories);
    expect(parsed.valid).toEqual(["VI606404158946574336"]);
  });
});

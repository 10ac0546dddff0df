// The hook's Worker runs the real lib/runs/parse-ids-web-worker.ts in-process (the Worker shim in
// vitest.setup.components.ts): every count below comes from the parse code the server also uses,
// not from a stand-in.
import {
  act,
  render,
  renderHook,
  screen,
  waitFor,
  within,
} from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { ParseSummary } from "./parse-summary";
import { useIdParser } from "./use-id-parser";

// Akool IDs are MongoDB ObjectIds: 24 hexadecimal characters.
const first = "68919a464b4dbdd4ab3d3034";
const second = "68919a464b4dbdd4ab3d3035";
const akoolReason = "expected 24 hexadecimal characters (a MongoDB ObjectId)";
// Newlines, commas, semicolons and quotes as they come out of spreadsheets.
const pasted = `${first}\n${first}, "${second}"; not-an-id\n\n`;

async function settled(result: { current: ReturnType<typeof useIdParser> }) {
  await waitFor(() => expect(result.current.parsing).toBe(false));
  return result.current;
}

describe("useIdParser", () => {
  it("reports the valid, duplicate and malformed counts of the shared parse code", async () => {
    const { result } = renderHook(() => useIdParser());
    expect(result.current.result).toBeNull();

    act(() => void result.current.parse(pasted, "akool", "video"));
    expect(result.current.parsing).toBe(true);

    const parser = await settled(result);
    expect(parser.error).toBeNull();
    expect(parser.result).toEqual({
      valid: [first, second],
      duplicateCount: 1,
      malformed: [{ position: 4, value: "not-an-id", reason: akoolReason }],
      malformedCount: 1,
      tokenCount: 4,
    });
  });

  it("checks the IDs against the chosen provider and kind of ID", async () => {
    const { result } = renderHook(() => useIdParser());
    // Valid for Akool, but VOD video IDs are 32 lowercase hexadecimal characters.
    act(() => void result.current.parse(pasted, "vod", "video"));
    expect((await settled(result)).result).toMatchObject({
      valid: [],
      duplicateCount: 0,
      malformedCount: 4,
    });

    // VOD reference IDs are free-form, so every token counts.
    act(() => void result.current.parse(pasted, "vod", "reference"));
    expect((await settled(result)).result).toMatchObject({
      valid: [first, second, "not-an-id"],
      duplicateCount: 1,
      malformedCount: 0,
    });
  });

  it("answers blank input with empty counts at once", async () => {
    const { result } = renderHook(() => useIdParser());
    await act(() => result.current.parse(" \n\t ", "akool", "video"));
    expect(result.current.parsing).toBe(false);
    expect(result.current.result).toEqual({
      valid: [],
      duplicateCount: 0,
      malformed: [],
      malformedCount: 0,
      tokenCount: 0,
    });
  });

  it("reports the worker's refusal as an error", async () => {
    const { result } = renderHook(() => useIdParser());
    // Akool has no reference IDs; the worker refuses rather than guessing a format.
    act(() => void result.current.parse(first, "akool", "reference"));
    const parser = await settled(result);
    expect(parser.error).toBe("This provider has no such kind of ID.");
    expect(parser.result).toBeNull();
  });

  it("lets only the newest parse set the result", async () => {
    const { result } = renderHook(() => useIdParser());
    act(() => {
      void result.current.parse(pasted, "akool", "video");
      void result.current.parse(second, "akool", "video");
    });
    expect((await settled(result)).result).toMatchObject({
      valid: [second],
      tokenCount: 1,
    });
  });

  it("drops an answer that arrives after clear()", async () => {
    const { result } = renderHook(() => useIdParser());
    let parsed!: Promise<void>;
    act(() => {
      parsed = result.current.parse(pasted, "akool", "video");
      result.current.clear();
    });
    await act(() => parsed);
    expect(result.current.result).toBeNull();
    expect(result.current.parsing).toBe(false);
  });

  it("finds the ID column of a CSV file and extracts its cells", async () => {
    const { result } = renderHook(() => useIdParser());
    const csv = `title,video_id\nCat,${first}\n"Dog, big",${second}\n`;

    // extractCsv sets no state: its answer goes to the caller.
    const guessed = await result.current.extractCsv(csv, "akool", "video");
    expect(guessed).toMatchObject({
      column: 1,
      rowCount: 2,
      text: `${first}\n${second}`,
    });
    expect(guessed?.layout.hasHeader).toBe(true);
    expect(guessed?.layout.columns.map((c) => [c.name, c.matches])).toEqual([
      ["title", 0],
      ["video_id", 2],
    ]);

    const chosen = await result.current.extractCsv(csv, "akool", "video", 0);
    expect(chosen).toMatchObject({ column: 0, text: "Cat\nDog, big" });
  });

  it("rejects a CSV extraction the worker refuses", async () => {
    const { result } = renderHook(() => useIdParser());
    await expect(
      result.current.extractCsv("id\n1", "memories", "reference"),
    ).rejects.toThrow("This provider has no such kind of ID.");
  });

  it("feeds the summary the operator sees", async () => {
    function PasteBox() {
      const parser = useIdParser();
      return (
        <>
          <label>
            Video IDs
            <textarea
              onChange={(event) =>
                void parser.parse(event.target.value, "akool", "video")
              }
            />
          </label>
          <ParseSummary {...parser} />
        </>
      );
    }
    const user = userEvent.setup();
    render(<PasteBox />);
    await user.click(screen.getByLabelText("Video IDs"));
    await user.paste(pasted);

    const status = await screen.findByRole("status");
    await waitFor(() => expect(status.getAttribute("aria-busy")).toBe("false"));
    expect(status.textContent).toBe("2 valid1 duplicate removed1 malformed");
    const malformed = screen.getByRole("list", { name: "Malformed rows" });
    expect(within(malformed).getByRole("listitem").textContent).toBe(
      `Entry 4not-an-id${akoolReason}`,
    );
  });
});

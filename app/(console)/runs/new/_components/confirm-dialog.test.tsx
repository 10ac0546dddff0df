import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { Toaster } from "@/components/ui/toaster";
import { ConfirmDialog } from "./confirm-dialog";
import {
  json,
  previewOf,
  providerOf,
  renderWithQueries,
} from "./confirm-dialog-fixtures";

// The App Router is not mounted in a component test; only the navigation after success matters.
const router = vi.hoisted(() => ({ push: vi.fn() }));
vi.mock("next/navigation", () => ({ useRouter: () => router }));

const provider = providerOf("akool", "Akool");

const idsOf = (count: number) =>
  Array.from({ length: count }, (_, i) => i.toString(16).padStart(24, "0"));

/** The server's answer to POST /api/runs; `fetch` is the boundary, our own code runs for real. */
function answerWith(...responses: (() => Promise<Response>)[]) {
  const fetch = vi.fn<typeof globalThis.fetch>();
  for (const response of responses) fetch.mockImplementationOnce(response);
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

function renderDialog(ids: string[]) {
  const onClose = vi.fn();
  renderWithQueries(
    <>
      <ConfirmDialog
        provider={provider}
        preview={previewOf("akool", ids)}
        ids={ids}
        onClose={onClose}
      />
      <Toaster />
    </>,
  );
  const dialog = screen.getByRole("dialog", {
    name: "Confirm permanent deletion",
  });
  return {
    onClose,
    dialog,
    phrase: within(dialog).getByLabelText("Type the phrase to confirm"),
    deleteButton: () =>
      within(dialog).getByRole("button", {
        name: /delete permanently|starting/i,
      }),
  };
}

beforeEach(() => {
  router.push.mockReset();
});

describe("ConfirmDialog", () => {
  it("asks for the count in the phrase and keeps delete disabled until it is typed", async () => {
    const user = userEvent.setup();
    const { dialog, phrase, deleteButton } = renderDialog(idsOf(1250));
    expect(within(dialog).getByText("delete 1,250 videos")).toBeTruthy();
    expect(phrase).toHaveProperty("value", "");
    expect(deleteButton()).toHaveProperty("disabled", true);

    await user.type(phrase, "delete 1,250 video");
    expect(deleteButton()).toHaveProperty("disabled", true);
    await user.type(phrase, "s");
    expect(deleteButton()).toHaveProperty("disabled", false);
  });

  it.each([
    ["without the thousands comma", "delete 1250 videos"],
    [
      "in another case, padded and with doubled spaces",
      "  DELETE  1,250   Videos ",
    ],
  ])("accepts the phrase %s", async (_, typed) => {
    const user = userEvent.setup();
    const { phrase, deleteButton } = renderDialog(idsOf(1250));
    await user.type(phrase, typed);
    expect(deleteButton()).toHaveProperty("disabled", false);
  });

  it.each([
    ["another count", "delete 1,251 videos"],
    ["a misplaced comma", "delete 12,50 videos"],
    ["the singular", "delete 1,250 video"],
    ["extra words", "delete 1,250 videos now"],
    ["a different verb", "remove 1,250 videos"],
  ])("refuses %s", async (_, typed) => {
    const user = userEvent.setup();
    const fetch = answerWith(json(201, { id: "never" }));
    const { phrase, deleteButton } = renderDialog(idsOf(1250));
    await user.type(phrase, `${typed}{Enter}`);
    expect(deleteButton()).toHaveProperty("disabled", true);
    // Enter submits the form; the check in the submit handler still refuses.
    expect(fetch).not.toHaveBeenCalled();
  });

  it("wants the singular for a single video", async () => {
    const user = userEvent.setup();
    const { dialog, phrase, deleteButton } = renderDialog(idsOf(1));
    expect(within(dialog).getByText("delete 1 video")).toBeTruthy();
    await user.type(phrase, "delete 1 videos");
    expect(deleteButton()).toHaveProperty("disabled", true);
    await user.clear(phrase);
    await user.type(phrase, "delete 1 video");
    expect(deleteButton()).toHaveProperty("disabled", false);
  });

  it("counts only what is left after the chosen exclusions, and sends the preview's evidence", async () => {
    const user = userEvent.setup();
    const fetch = answerWith(json(201, { id: "run-7" }));
    const ids = idsOf(5);
    const preview = previewOf("akool", ids);
    preview.items[0]!.expectation = "already_gone";
    preview.items[1]!.expectation = "not_yours";
    preview.counts = {
      ...preview.counts,
      will_delete: 3,
      already_gone: 1,
      not_yours: 1,
    };
    preview.evidence = ["signed-by-the-server"];
    renderWithQueries(
      <ConfirmDialog
        provider={provider}
        preview={preview}
        ids={ids}
        exclude={["already_gone", "processing"]}
        onClose={vi.fn()}
      />,
    );
    expect(screen.getByText("delete 4 videos")).toBeTruthy();
    const phrase = screen.getByLabelText("Type the phrase to confirm");
    await user.type(phrase, "delete 5 videos");
    const submit = screen.getByRole("button", { name: "Delete permanently" });
    expect(submit).toHaveProperty("disabled", true);
    await user.clear(phrase);
    await user.type(phrase, "delete 4 videos");
    await user.click(submit);
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    // "processing" had no rows: only the exclusion that skips something is sent.
    expect(JSON.parse(String(fetch.mock.calls[0]![1]?.body))).toEqual({
      provider: "akool",
      idKind: "video",
      ids,
      confirmation: "delete 4 videos",
      exclude: {
        expectations: ["already_gone"],
        evidence: ["signed-by-the-server"],
      },
    });
  });

  it("starts the run with exactly the previewed IDs and the typed phrase, then opens it", async () => {
    const user = userEvent.setup();
    let answer!: (response: Response) => void;
    const fetch = answerWith(
      () => new Promise<Response>((resolve) => (answer = resolve)),
    );
    const ids = idsOf(3);
    const { phrase, deleteButton } = renderDialog(ids);

    await user.type(phrase, " delete 3 videos ");
    await user.click(deleteButton());

    // While the request is in flight nothing can be changed or sent twice.
    await waitFor(() => expect(deleteButton().textContent).toBe("Starting…"));
    expect(deleteButton()).toHaveProperty("disabled", true);
    expect(phrase).toHaveProperty("disabled", true);
    expect(screen.getByRole("button", { name: "Cancel" })).toHaveProperty(
      "disabled",
      true,
    );
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe("/api/runs");
    expect(init?.method).toBe("POST");
    expect(JSON.parse(String(init?.body))).toEqual({
      provider: "akool",
      idKind: "video",
      ids,
      confirmation: "delete 3 videos",
    });
    expect(new Headers(init?.headers).get("idempotency-key")).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(router.push).not.toHaveBeenCalled();

    answer(await json(201, { id: "run-42" })());
    await waitFor(() =>
      expect(router.push).toHaveBeenCalledWith("/runs/run-42"),
    );
    expect(
      await screen.findByText("Run started: deleting 3 videos on Akool."),
    ).toBeTruthy();
    // Navigation is under way: the dialog stays busy rather than inviting a second run.
    expect(deleteButton()).toHaveProperty("disabled", true);
  });

  it("keeps the dialog open with the server's message when the run cannot start", async () => {
    const user = userEvent.setup();
    answerWith(
      json(409, {
        error: {
          code: "conflict",
          message: "A run is already deleting these.",
        },
      }),
    );
    const { dialog, onClose, phrase, deleteButton } = renderDialog(idsOf(2));
    await user.type(phrase, "delete 2 videos");
    await user.click(deleteButton());

    expect((await within(dialog).findByRole("alert")).textContent).toBe(
      "Could not start the run: A run is already deleting these.",
    );
    expect(
      await screen.findByText(
        "Could not start the run: A run is already deleting these.",
        { ignore: "[role=alert]" },
      ),
    ).toBeTruthy();
    expect(router.push).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    expect(dialog).toHaveProperty("open", true);
    // The phrase still matches, so the operator can try again.
    expect(deleteButton()).toHaveProperty("disabled", false);
  });

  it("closes on Cancel and on Escape, but not while the run is starting", async () => {
    const user = userEvent.setup();
    answerWith(() => new Promise<Response>(() => {}));
    const { dialog, onClose, phrase, deleteButton } = renderDialog(idsOf(2));

    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(fireEvent(dialog, escape())).toBe(false);
    expect(onClose).toHaveBeenCalledTimes(2);

    await user.type(phrase, "delete 2 videos");
    await user.click(deleteButton());
    await waitFor(() => expect(phrase).toHaveProperty("disabled", true));
    expect(fireEvent(dialog, escape())).toBe(false);
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});

/** What a browser fires at a modal dialog when Escape is pressed; jsdom does not. */
const escape = () => new Event("cancel", { cancelable: true });

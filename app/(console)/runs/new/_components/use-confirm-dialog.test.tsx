import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ConfirmDialog } from "./confirm-dialog";
import {
  json,
  previewOf,
  providerOf,
  renderWithQueries,
} from "./confirm-dialog-fixtures";
import { useConfirmDialog } from "./use-confirm-dialog";

// The App Router is not mounted in a component test, and no run starts successfully here.
vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn() }) }));

const provider = providerOf("vod", "VOD");
const ids = [
  "5aed81b74ba84920be578cdfe004af4b",
  "6bfe92c85cb95a31cf689de0f115b05c",
];
const preview = previewOf("vod", ids);

/** Wired the way the new-run form wires it: the dialog is mounted only while open. */
function Harness() {
  const dialog = useConfirmDialog("open-dialog");
  return (
    <>
      <button id="open-dialog" type="button" onClick={dialog.show}>
        Delete videos…
      </button>
      {dialog.open ? (
        <ConfirmDialog
          provider={provider}
          preview={preview}
          ids={ids}
          onClose={dialog.close}
        />
      ) : null}
    </>
  );
}

function renderHarness() {
  // Every start attempt fails, so the dialog stays open and its Idempotency-Key can be read.
  const fetch = vi.fn<typeof globalThis.fetch>(
    json(503, { error: { code: "unavailable", message: "Try again." } }),
  );
  vi.stubGlobal("fetch", fetch);
  renderWithQueries(<Harness />);
  const user = userEvent.setup();
  const open = async () => {
    await user.click(screen.getByRole("button", { name: "Delete videos…" }));
    const dialog = screen.getByRole("dialog", {
      name: "Confirm permanent deletion",
    });
    return {
      dialog,
      phrase: within(dialog).getByLabelText("Type the phrase to confirm"),
      deleteButton: within(dialog).getByRole("button", {
        name: "Delete permanently",
      }),
    };
  };
  const keysSent = () =>
    fetch.mock.calls.map(([, init]) =>
      new Headers(init?.headers).get("idempotency-key"),
    );
  return { user, open, keysSent };
}

describe("useConfirmDialog", () => {
  it("mounts the dialog only between show and close", async () => {
    const { user, open } = renderHarness();
    expect(screen.queryByRole("dialog")).toBeNull();
    const first = await open();
    await user.click(
      within(first.dialog).getByRole("button", { name: "Cancel" }),
    );
    expect(screen.queryByRole("dialog")).toBeNull();

    const second = await open();
    // Escape: the browser fires `cancel` at the modal dialog.
    fireEvent(second.dialog, new Event("cancel", { cancelable: true }));
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("gives focus back to the button that opened it", async () => {
    const { user, open } = renderHarness();
    const opener = screen.getByRole("button", { name: "Delete videos…" });
    const first = await open();
    expect(document.activeElement).toBe(first.phrase);
    await user.click(
      within(first.dialog).getByRole("button", { name: "Cancel" }),
    );
    expect(document.activeElement).toBe(opener);

    const second = await open();
    fireEvent(second.dialog, new Event("cancel", { cancelable: true }));
    expect(document.activeElement).toBe(opener);
  });

  it("starts each opening with an empty phrase and no leftover error", async () => {
    const { user, open } = renderHarness();
    const first = await open();
    await user.type(first.phrase, "delete 2 videos");
    await user.click(first.deleteButton);
    expect(await within(first.dialog).findByRole("alert")).toBeTruthy();
    await user.click(
      within(first.dialog).getByRole("button", { name: "Cancel" }),
    );

    const second = await open();
    expect(second.phrase).toHaveProperty("value", "");
    expect(second.deleteButton).toHaveProperty("disabled", true);
    expect(within(second.dialog).queryByRole("alert")).toBeNull();
  });

  it("keeps one Idempotency-Key per opening, so a retry cannot start a second run", async () => {
    const { user, open, keysSent } = renderHarness();
    const first = await open();
    await user.type(first.phrase, "delete 2 videos");
    await user.click(first.deleteButton);
    await within(first.dialog).findByRole("alert");
    await user.click(first.deleteButton);
    await waitFor(() => expect(keysSent()).toHaveLength(2));
    await user.click(
      within(first.dialog).getByRole("button", { name: "Cancel" }),
    );

    const second = await open();
    await user.type(second.phrase, "delete 2 videos");
    await user.click(second.deleteButton);
    await waitFor(() => expect(keysSent()).toHaveLength(3));

    const [firstTry, retry, nextOpening] = keysSent();
    expect(firstTry).toBeTruthy();
    expect(retry).toBe(firstTry);
    expect(nextOpening).toBeTruthy();
    expect(nextOpening).not.toBe(firstTry);
  });
});

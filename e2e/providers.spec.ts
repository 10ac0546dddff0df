import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

// The demo points every provider at the sandbox; each must show as ready with its own limits.
const expected = [
  { label: "Akool", batch: "per call", rate: "1 request per second" },
  {
    label: "memories.ai",
    batch: "100 per call",
    rate: "5 requests per second",
  },
  {
    label: "ApsaraVideo VOD",
    batch: "20 per call",
    rate: "30 requests per second",
  },
  { label: "Imagine.art", batch: "1 per call", rate: "50 requests per minute" },
];

test("the new-deletion page shows all four providers configured against the sandbox with their limits", async ({
  page,
}) => {
  await signIn(page, "viewer");
  for (const { label, batch, rate } of expected) {
    const card = page.getByRole("region", { name: label, exact: true });
    await expect(card.getByText("Ready")).toBeVisible();
    await expect(card.getByText(batch)).toBeVisible();
    await expect(card.getByText(rate)).toBeVisible();
    await expect(card.getByText("credentials accepted")).toBeVisible();
  }
});

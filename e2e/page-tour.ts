import { readFile } from "node:fs/promises";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { BASE_URL, waitForRunEnd } from "./fixtures";
import { missingIds } from "./new-deletion";

// Every page of the console, each opened until its own content (not a "Loading…") shows, for
// the specs that check all of them: the phone layout and the accessibility scan.

/** A finished run of the signed-in user, of IDs the sandbox does not have (nothing is deleted). */
export async function finishedRun(page: Page): Promise<{
  runId: string;
  ids: string[];
}> {
  const ids = await missingIds(page.request, "vod", 2);
  const started = await page.request.post("/api/runs", {
    headers: { origin: BASE_URL },
    data: { provider: "vod", ids, confirmation: "delete 2 videos" },
  });
  expect(started.status(), await started.text()).toBe(201);
  const { id: runId } = (await started.json()) as { id: string };
  await waitForRunEnd(page.request, runId, 60_000);
  return { runId, ids };
}

export interface TourStop {
  name: string;
  /** Opens the page and waits until what it exists to show is there. */
  open: (page: Page) => Promise<void>;
}

const heading = (page: Page) =>
  expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();

/** The signed-in pages, for an admin (who may open every one); `run` names a finished run. */
export function consolePages(run: { runId: string; ids: string[] }) {
  const stops: TourStop[] = [
    {
      name: "home",
      open: async (page) => {
        await page.goto("/");
        await heading(page);
        // The chart loads lazily: scan it drawn, not its placeholder.
        await expect(
          page.getByTestId("outcomes-chart").locator("svg").first(),
        ).toBeVisible();
      },
    },
    {
      name: "runs",
      open: async (page) => {
        await page.goto("/runs");
        await expect(
          page
            .getByRole("table", { name: "Runs", exact: true })
            .getByText(run.runId.slice(0, 8)),
        ).toBeVisible();
      },
    },
    {
      name: "new run",
      open: async (page) => {
        await page.goto("/runs/new");
        await heading(page);
        await expect(
          page.getByLabel("Provider", { exact: true }),
        ).toBeVisible();
      },
    },
    {
      name: "run",
      open: async (page) => {
        await page.goto(`/runs/${run.runId}`);
        await heading(page);
        await expect(page.getByTestId("run-confirmation")).toBeVisible();
      },
    },
    {
      name: "audit, with a search's results",
      open: async (page) => {
        await page.goto("/audit");
        await page.getByLabel("Video IDs to look up").fill(run.ids.join("\n"));
        await page.getByRole("button", { name: "Look up" }).click();
        await expect(
          page.getByRole("table", { name: `Runs that touched ${run.ids[0]}` }),
        ).toBeVisible();
      },
    },
    {
      name: "users",
      open: async (page) => {
        await page.goto("/admin/users");
        await expect(
          page.getByRole("cell", { name: "viewer@erasure.demo", exact: true }),
        ).toBeVisible();
      },
    },
    {
      name: "tokens",
      open: async (page) => {
        await page.goto("/admin/tokens");
        await heading(page);
        await expect(page.getByText("Loading tokens…")).toHaveCount(0);
      },
    },
  ];
  return stops;
}

/** The sign-in page, for a signed-out visitor. */
export const loginPage: TourStop = {
  name: "sign-in",
  open: async (page) => {
    await page.goto("/login");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  },
};

/** Whether the page scrolls sideways: the document wider than the window. */
export const pageOverflow = (page: Page) =>
  page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));

let axeSource: Promise<string> | undefined;

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core in the page and returns its serious and critical findings. The page's CSP
 * refuses an added <script>, so axe's source is evaluated through the DevTools protocol instead
 * (@axe-core/playwright would need Node 22).
 */
export async function seriousAxeFindings(page: Page): Promise<AxeFinding[]> {
  axeSource ??= readFile(
    path.join(process.cwd(), "node_modules/axe-core/axe.min.js"),
    "utf8",
  );
  await page.evaluate(await axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{
            violations: {
              id: string;
              impact?: string | null;
              help: string;
              nodes: { target: unknown[]; failureSummary?: string }[];
            }[];
          }>;
        };
      }
    ).axe;
    const { violations } = await axe.run(document, {
      resultTypes: ["violations"],
    });
    return violations
      .filter(
        (violation) =>
          violation.impact === "serious" || violation.impact === "critical",
      )
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact!,
        help: violation.help,
        nodes: violation.nodes
          .slice(0, 5)
          .map(
            (node) => `${node.target.join(" ")}: ${node.failureSummary ?? ""}`,
          ),
      }));
  });
}

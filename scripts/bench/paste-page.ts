// The in-page half of `npm run bench:paste`: the probes installed before the page's scripts, the
// generated ID list and the timed Ctrl+V. Everything here runs in the browser through
// page.evaluate, on the page's own clock.
import type { Page } from "@playwright/test";

/** Counts that have not appeared by then are a failure, not a figure. */
const COUNTS_TIMEOUT_MS = 180_000;
/** Long-task entries arrive after their task ends; wait this long before reading them. */
const SETTLE_MS = 500;

// Installed before any page script runs: long tasks (buffered, so none is missed) and a
// requestAnimationFrame heartbeat. tsx compiles this file with esbuild's keepNames, which wraps
// named functions in an `__name(fn, "name")` call; the functions handed to page.evaluate below
// are compiled that way, so the page gets a do-nothing `__name` too.
export const PROBES = `(() => {
  globalThis.__name ??= (target) => target;
  const bench = { longTasks: [], frames: [] };
  window.__pasteBench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: "longtask", buffered: true });
  const tick = (time) => {
    bench.frames.push(time);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

export interface Expected {
  valid: number;
  duplicates: number;
  malformed: number;
}

/**
 * Which lines of the generated list are what, by position alone: every 100th line is malformed,
 * every 50th (offset 24) repeats an earlier valid ID, and every other line is a new valid ID. The
 * page generates the same layout (see `copyListInPage`).
 */
export function expectedCounts(n: number): Expected {
  const counts = { valid: 0, duplicates: 0, malformed: 0 };
  for (let i = 0; i < n; i++) {
    if (i % 100 === 99) counts.malformed++;
    else if (i % 50 === 24) counts.duplicates++;
    else counts.valid++;
  }
  return counts;
}

/**
 * Builds the list inside the page (so 33 MB need not cross the DevTools connection) and puts it on
 * the clipboard. Valid IDs are 32 lowercase hex characters, distinct by construction
 * (a mixed prefix plus the counter); malformed lines are upper case, too short, too long or not
 * hex at all, and contain no separator.
 */
export async function copyListInPage(page: Page, n: number): Promise<number> {
  return page.evaluate(async (count) => {
    const hex = (value: number, width: number) =>
      value.toString(16).padStart(width, "0");
    const lines: string[] = new Array(count);
    const valid: string[] = [];
    let malformed = 0;
    let duplicates = 0;
    for (let i = 0; i < count; i++) {
      const seq = valid.length + malformed + duplicates;
      const id = hex(Math.imul(seq + 1, 2654435761) >>> 0, 8) + hex(seq, 24);
      if (i % 100 === 99) {
        lines[i] = [
          `DEADBEEF${id.slice(8)}`,
          id.slice(1),
          `${id}0`,
          `not-a-video-id-${malformed}`,
        ][malformed % 4]!;
        malformed++;
      } else if (i % 50 === 24) {
        lines[i] = valid[(duplicates * 7919) % valid.length]!;
        duplicates++;
      } else {
        valid.push(id);
        lines[i] = id;
      }
    }
    const text = lines.join("\n");
    await navigator.clipboard.writeText(text);
    return text.length;
  }, n);
}

export interface Measurement {
  shown: Expected | null;
  pastedMs: number;
  countsMs: number;
  longestTaskMs: number;
  blockingMs: number;
  /** Each long task: when it started (after the key press) and how long it ran. */
  longTasks: { at: number; ms: number }[];
  maxFrameGapMs: number;
  frames: number;
}

/**
 * Presses Ctrl+V in the box: a trusted paste, so the browser reads the clipboard, fires `paste`
 * and (when the page lets it) inserts the text itself. The clock starts when V goes down, in the
 * page's own time.
 */
export async function pasteAndMeasure(page: Page): Promise<Measurement> {
  const box = page.getByLabel("Video IDs");
  await box.focus();
  // Armed before the key press: the key press, the end of the paste event (after the page's own
  // handler) and the moment the counts line shows new, settled numbers.
  await page.evaluate(
    ({ timeoutMs, settleMs }) => {
      type Bench = {
        longTasks: { start: number; duration: number }[];
        frames: number[];
        result?: Promise<unknown>;
      };
      const bench = (window as unknown as { __pasteBench: Bench }).__pasteBench;
      // The counts line (role=status) is there already ("0 valid" once VOD is chosen). Its
      // badges have no text between them: "9,700 valid200 duplicates removed100 malformed".
      const status = () =>
        [...document.querySelectorAll<HTMLElement>('[role="status"]')].find(
          (node) => / valid/.test(node.textContent ?? ""),
        );
      const before = status()?.textContent ?? "";
      let start = 0;
      let pasted = 0;
      window.addEventListener(
        "keydown",
        (event) => {
          if (start > 0 || event.key.toLowerCase() !== "v") return;
          start = performance.now();
          bench.frames = [];
        },
        { capture: true },
      );
      window.addEventListener(
        "paste",
        () => {
          pasted = performance.now();
        },
        { once: true },
      );
      bench.result = new Promise<number | null>((resolve) => {
        const observer = new MutationObserver(() => {
          const node = status();
          if (
            start > 0 &&
            node &&
            node.getAttribute("aria-busy") === "false" &&
            node.textContent !== before
          ) {
            observer.disconnect();
            clearTimeout(timer);
            resolve(performance.now());
          }
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          resolve(null);
        }, timeoutMs);
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
      }).then(async (shownAt) => {
        const end = shownAt ?? performance.now();
        const line = status()?.textContent ?? "";
        const number = (pattern: RegExp) =>
          Number(pattern.exec(line)?.[1]?.replace(/,/g, "") ?? NaN);
        const shown =
          shownAt === null
            ? null
            : {
                valid: number(/([\d,]+) valid/),
                duplicates: number(/([\d,]+) duplicates? removed/),
                malformed: number(/([\d,]+) malformed/),
              };
        // Long-task entries are delivered after their task ends.
        await new Promise((resolve) => setTimeout(resolve, settleMs));
        const tasks = bench.longTasks.filter(
          (task) => task.start + task.duration > start && task.start < end,
        );
        const frames = bench.frames.filter((time) => time <= end);
        let maxFrameGapMs = 0;
        let previous = start;
        for (const time of [...frames, end]) {
          maxFrameGapMs = Math.max(maxFrameGapMs, time - previous);
          previous = time;
        }
        return {
          shown,
          pastedMs: pasted > 0 ? pasted - start : NaN,
          countsMs: end - start,
          longestTaskMs: Math.max(0, ...tasks.map((task) => task.duration)),
          blockingMs: tasks.reduce(
            (sum, task) => sum + Math.max(0, task.duration - 50),
            0,
          ),
          longTasks: tasks.map((task) => ({
            at: task.start - start,
            ms: task.duration,
          })),
          maxFrameGapMs,
          frames: frames.length,
        };
      });
    },
    { timeoutMs: COUNTS_TIMEOUT_MS, settleMs: SETTLE_MS },
  );
  await page.keyboard.press("ControlOrMeta+V");
  return page.evaluate(
    () =>
      (window as unknown as { __pasteBench: { result: Promise<Measurement> } })
        .__pasteBench.result,
  );
}

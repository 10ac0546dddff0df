// Setup for the `components` project (jsdom). No database here: component tests reach our route
// handlers only through a stubbed `fetch`, so none of vitest.setup.ts's PGlite work is needed.
import { fileURLToPath } from "node:url";
import { cleanup, configure } from "@testing-library/react";
import { afterEach, vi } from "vitest";

// Testing Library unmounts after each test by itself only when vitest's globals are on; they are not.
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

// The CPUs are shared with other jobs, and a worker's first load transforms its modules: waiting
// one second (the default) for an answer made slow machines fail tests that were right.
configure({ asyncUtilTimeout: 10_000 });

// jsdom has HTMLDialogElement but not its methods. The confirmation dialog opens itself with
// showModal() and reports closing through the `close` event; this is just enough of both.
HTMLDialogElement.prototype.showModal ??= function showModal() {
  this.open = true;
};
HTMLDialogElement.prototype.close ??= function close() {
  if (!this.open) return;
  this.open = false;
  this.dispatchEvent(new Event("close"));
};

type MessageListener = (event: MessageEvent) => void;

/**
 * Vite rewrites `new Worker(new URL("./w.ts", import.meta.url))` to a root-relative URL on the
 * page's origin (`/lib/runs/w.ts?worker_file`), which the test runner resolves from the root.
 */
function moduleIdOf(url: string | URL): string {
  const resolved = new URL(url, location.href);
  return resolved.protocol === "file:"
    ? fileURLToPath(resolved)
    : decodeURIComponent(resolved.pathname);
}

let evaluated = 0;
let evaluating: Promise<unknown> = Promise.resolve();

/**
 * Evaluates a fresh copy of a worker module with `self` bound to the worker's own global scope.
 * Copies load one at a time so that two workers never see each other's `self`, and the swap lasts
 * only while the module loads: worker code must take `self` at load time, as ours does
 * (`const scope = self`). The module's own imports are shared with the page; ours are pure.
 */
function evaluateWorkerModule(id: string, scope: object): Promise<unknown> {
  const loaded = evaluating.then(async () => {
    const windowSelf = Object.getOwnPropertyDescriptor(globalThis, "self");
    Object.defineProperty(globalThis, "self", {
      value: scope,
      configurable: true,
    });
    try {
      // The query makes each worker a new module instance with its own listeners.
      await import(/* @vite-ignore */ `${id}?worker-instance=${++evaluated}`);
    } finally {
      if (windowSelf) Object.defineProperty(globalThis, "self", windowSelf);
    }
  });
  evaluating = loaded.catch(() => undefined);
  return loaded;
}

/**
 * jsdom has no Worker. This one runs the real worker module in-process: messages are
 * structured-cloned and delivered in later tasks both ways, and terminate() drops whatever has not
 * been delivered yet, so code that supersedes a busy worker is exercised as in a browser. Only
 * what parse-ids-web-worker.ts uses is here (module workers, `message` listeners, postMessage).
 */
class InProcessWorker extends EventTarget {
  onmessage: MessageListener | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  #listeners = new Set<MessageListener>();
  #terminated = false;
  #ready: Promise<unknown>;

  constructor(url: string | URL) {
    super();
    const scope = {
      addEventListener: (type: string, listener: MessageListener) => {
        if (type === "message") this.#listeners.add(listener);
      },
      removeEventListener: (type: string, listener: MessageListener) => {
        if (type === "message") this.#listeners.delete(listener);
      },
      postMessage: (data: unknown) => this.#toPage(structuredClone(data)),
      close: () => this.terminate(),
    };
    this.#ready = evaluateWorkerModule(moduleIdOf(url), scope);
    this.#ready.catch((error: unknown) => this.#fail(error));
  }

  postMessage(data: unknown) {
    const copy = structuredClone(data);
    // A module that failed to load has already been reported through `error`.
    const deliver = () =>
      setTimeout(() => {
        if (this.#terminated) return;
        const event = new MessageEvent("message", { data: copy });
        try {
          for (const listener of this.#listeners) listener(event);
        } catch (error) {
          this.#fail(error);
        }
      });
    this.#ready.then(deliver, () => undefined);
  }

  terminate() {
    this.#terminated = true;
  }

  #toPage(data: unknown) {
    setTimeout(() => {
      if (this.#terminated) return;
      const event = new MessageEvent("message", { data });
      this.onmessage?.(event);
      this.dispatchEvent(event);
    });
  }

  // An uncaught error inside a worker reaches the page as an `error` event on the Worker.
  #fail(error: unknown) {
    setTimeout(() => {
      if (this.#terminated) return;
      const message = error instanceof Error ? error.message : String(error);
      const event = new ErrorEvent("error", { error, message });
      this.onerror?.(event);
      this.dispatchEvent(event);
    });
  }
}

globalThis.Worker = InProcessWorker as unknown as typeof Worker;

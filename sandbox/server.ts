// HTTP front of the provider sandbox (node:http only): routes `/<provider>/*` to the fakes with the
// prefix stripped, `/__sandbox/*` to the control API, and injects faults on the way.
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { handleControl } from "./control";
import {
  createCore,
  isProviderName,
  type ProviderSlot,
  type SandboxOptions,
} from "./core";
import { drawFault, type InjectedFault } from "./faults";
import type {
  CallInfo,
  ProviderName,
  SandboxRequest,
  SandboxResponse,
} from "./types";

export type { SandboxOptions } from "./core";

export interface RunningSandbox {
  /** Base URL, e.g. `http://127.0.0.1:4010`; a provider lives under `${url}/akool` and so on. */
  url: string;
  port: number;
  /** Stops listening and destroys every open socket, hung requests included. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, response: SandboxResponse): void {
  if (res.destroyed || res.writableEnded) return;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers ?? {}))
    headers[name.toLowerCase()] = value;
  headers["content-type"] ??= "application/json; charset=utf-8";
  headers["content-length"] = String(Buffer.byteLength(response.body));
  res.writeHead(response.status, headers);
  res.end(response.body);
}

const jsonError = (
  status: number,
  code: string,
  message: string,
): SandboxResponse => ({
  status,
  body: JSON.stringify({ error: { code, message } }),
});

// The control API has no auth, so it answers loopback callers only, even when the sandbox listens
// on all interfaces for the demo.
function isLoopback(address: string | undefined): boolean {
  return !!address && (address === "::1" || /^(::ffff:)?127\./.test(address));
}

/** Starts the fake providers on `host:port` (port 0 picks a free one). */
export async function startSandbox(
  options: SandboxOptions = {},
): Promise<RunningSandbox> {
  const core = createCore(options);
  const timers = new Set<NodeJS.Timeout>();

  function later(delayMs: number, action: () => void): void {
    if (delayMs <= 0) return action();
    const timer = setTimeout(() => {
      timers.delete(timer);
      action();
    }, delayMs);
    timers.add(timer);
  }

  async function serve(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLarge)
        send(res, jsonError(413, "too_large", "body over 10 MiB"));
      else res.destroy();
      return;
    }
    const url = new URL(req.url ?? "/", "http://sandbox.invalid");
    const [, prefix = "", ...rest] = url.pathname.split("/");
    const path = `/${rest.join("/")}`;
    if (prefix === "__sandbox") {
      if (!isLoopback(req.socket.remoteAddress)) {
        return send(
          res,
          jsonError(403, "forbidden", "control API is loopback only"),
        );
      }
      return send(
        res,
        handleControl(core, req.method ?? "GET", path, url.searchParams, body),
      );
    }
    if (!isProviderName(prefix)) {
      return send(
        res,
        jsonError(404, "not_found", `no provider at /${prefix}`),
      );
    }
    const request: SandboxRequest = {
      method: req.method ?? "GET",
      path,
      query: url.searchParams,
      headers: req.headers,
      body,
      host: req.headers.host ?? "",
    };
    answerProvider(prefix, request, req, res);
  }

  function answerProvider(
    name: ProviderName,
    request: SandboxRequest,
    req: IncomingMessage,
    res: ServerResponse,
  ): void {
    const slot: ProviderSlot = core.slots[name];
    const now = Date.now();
    const log = (call: CallInfo, status: number, fault?: InjectedFault) =>
      core.log.add({
        provider: name,
        at: now,
        method: request.method,
        path: request.path,
        operation: call.operation,
        ids: call.ids,
        status,
        ...(fault ? { fault } : {}),
        ...(call.throttled || fault === "throttle"
          ? { throttled: true as const }
          : {}),
      });
    // Decided before the fake sees the request: a faulted call must leave the videos as they are.
    const { fault, delayMs } = drawFault(slot.faults, slot.faultRng.rng);
    if (fault) {
      const call = slot.provider.describe?.(request) ?? {
        operation: "unknown",
        ids: [],
      };
      if (fault === "hang") {
        log(call, 0, fault);
        return; // never answered; close() destroys the socket
      }
      if (fault === "reset") {
        log(call, 0, fault);
        return later(delayMs, () => req.socket.destroy());
      }
      const response = slot.provider.faultResponse(fault);
      log(call, response.status, fault);
      return later(delayMs, () => send(res, response));
    }
    let response: SandboxResponse;
    let call: CallInfo = { operation: "unknown", ids: [] };
    try {
      const handled = slot.provider.handle(request, now);
      if (handled) ({ call, ...response } = handled);
      else
        response = jsonError(
          404,
          "not_found",
          `${name} does not serve ${request.method} ${request.path}`,
        );
    } catch (error) {
      response = jsonError(
        500,
        "sandbox_bug",
        `${name} fake threw: ${String(error)}`,
      );
    }
    log(call, response.status);
    // The fake acted at arrival and only the answer is late, like a slow real server: a client that
    // times out during the delay has still deleted the video.
    later(delayMs, () => send(res, response));
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.destroy();
      send(res, jsonError(500, "sandbox_bug", String(error)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port, address } = server.address() as AddressInfo;
  const wildcard = address === "0.0.0.0" || address === "::";
  const hostname = wildcard
    ? "127.0.0.1"
    : address.includes(":")
      ? `[${address}]`
      : address;

  return {
    url: `http://${hostname}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

import "server-only";
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo, Socket } from "node:net";

// Test-only: a pass-through proxy in front of the sandbox that can fail one endpoint on its own.
// The sandbox's fault rates hit every call of a provider alike, so they cannot show what the
// memories adapter does when the look-ups work but delete_videos itself fails (or the reverse).

export interface ProxiedCall {
  method: string;
  /** Path with query, e.g. `/memories/serve/api/v1/delete_videos?unique_id=default`. */
  url: string;
  body: string;
  /** 0-based index among the calls this proxy has seen since `calls` was last cleared. */
  index: number;
}

export type ProxyAction =
  /** Pass through, after `before` (e.g. a competing request) has finished. */
  | { kind: "forward"; before?: () => Promise<unknown> }
  /** Forward (the sandbox acts) and then never answer: a timeout after the provider acted. */
  | { kind: "forward_then_hang" }
  | { kind: "hang" }
  | { kind: "reset" }
  /** Answer this instead; with `forwardFirst` the sandbox still acts on the request. */
  | {
      kind: "reply";
      status: number;
      body: string;
      headers?: Record<string, string>;
      forwardFirst?: boolean;
    };

export interface FaultProxy {
  url: string;
  calls: ProxiedCall[];
  rule: (call: ProxiedCall) => ProxyAction;
  stop(): Promise<void>;
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const sockets = new Set<Socket>();
  const proxy: FaultProxy = {
    url: "",
    calls: [],
    rule: () => ({ kind: "forward" }),
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  async function forward(req: IncomingMessage, body: string) {
    const headers: Record<string, string> = {};
    for (const name of ["authorization", "content-type", "accept"]) {
      const value = req.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    return fetch(`${target}${req.url}`, {
      method: req.method,
      headers,
      body: body || undefined,
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const body = await readBody(req);
    const call: ProxiedCall = {
      method: req.method ?? "GET",
      url: req.url ?? "/",
      body,
      index: proxy.calls.length,
    };
    proxy.calls.push(call);
    const action = proxy.rule(call);
    if (action.kind === "hang") return;
    if (action.kind === "reset") return req.socket.destroy();
    if (action.kind === "reply") {
      if (action.forwardFirst) await (await forward(req, body)).text();
      res.writeHead(action.status, {
        "content-type": "application/json",
        ...action.headers,
      });
      return res.end(action.body);
    }
    if (action.kind === "forward") await action.before?.();
    const upstream = await forward(req, body);
    const text = await upstream.text();
    if (action.kind === "forward_then_hang") return;
    const type = upstream.headers.get("content-type");
    res.writeHead(upstream.status, type ? { "content-type": type } : {});
    res.end(text);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}

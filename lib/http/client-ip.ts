import "server-only";
import { isIP } from "node:net";
import { getEnv } from "@/lib/env";

/** `[2001:db8::1]:443`, `[2001:db8::1]` or `198.51.100.7:4711`: what some proxies write. */
const BRACKETED = /^\[([^\]]+)\](?::\d+)?$/;
const IPV4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/;

/** The address in one list entry or socket address, or undefined when it is not an IP address. */
function parseAddress(raw: string | undefined): string | undefined {
  const value = raw?.trim();
  if (!value) return undefined;
  const address =
    BRACKETED.exec(value)?.[1] ?? IPV4_WITH_PORT.exec(value)?.[1] ?? value;
  return isIP(address) ? address : undefined;
}

/**
 * The caller's address, for the audit log, sign-in records and the run header; never for access.
 *
 * Everything in X-Forwarded-For is what the client sent, except the entries the proxies in front
 * of the console appended: each appends the address it received the request from, so with N
 * trusted proxies (ERASURE_TRUSTED_PROXIES) the Nth entry from the right is the last one a
 * trusted proxy wrote. X-Real-IP is never read: whether a proxy overwrites it or passes the
 * client's through is configuration we cannot see.
 *
 * With no trusted proxy only the socket address counts. A Next route handler is not given one
 * (and `next start` fills an absent X-Forwarded-For with it, indistinguishable from a forged
 * one), so there the answer is undefined: no address rather than one the client chose.
 */
export function clientIp(
  headers: Headers,
  options: { trustedProxies?: number; socketAddress?: string } = {},
): string | undefined {
  const hops = options.trustedProxies ?? getEnv().ERASURE_TRUSTED_PROXIES;
  const forwarded = headers.get("x-forwarded-for");
  if (hops === 0 || forwarded === null)
    return parseAddress(options.socketAddress);
  const entries = forwarded.split(",");
  // Fewer entries than trusted proxies: the request skipped one, and the list proves nothing.
  if (entries.length < hops) return undefined;
  return parseAddress(entries[entries.length - hops]);
}

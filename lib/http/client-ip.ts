/**
 * The caller's IP as the nearest proxy reports it. Behind a load balancer the first
 * X-Forwarded-For entry is the client; used for audit and sign-in throttling, never for access.
 */
export function clientIp(headers: Headers): string | undefined {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || undefined;
}

/** "30 requests per second" / "1 request per second" / "50 requests per minute". */
export function describeRateLimit(limit: {
  requests: number;
  perMs: number;
}): string {
  const requests = `${limit.requests.toLocaleString("en-US")} ${limit.requests === 1 ? "request" : "requests"}`;
  if (limit.perMs === 1000) return `${requests} per second`;
  if (limit.perMs === 60_000) return `${requests} per minute`;
  return `${requests} per ${limit.perMs / 1000} s`;
}

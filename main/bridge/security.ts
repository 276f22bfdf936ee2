// Request checks of the loopback bridge. A page on another site can make a browser send requests to
// 127.0.0.1 (CSRF) or, through DNS rebinding, even read answers; the token stops the first, the
// Host and Origin checks stop the second.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

/** Returns why the request must be refused, or null when Host and Origin are ours. */
export function checkHostAndOrigin(headers: IncomingHttpHeaders, port: number): string | null {
  const host = headers.host?.toLowerCase();
  if (!host || !allowedHosts(port).has(host)) return `Host ${JSON.stringify(headers.host ?? '')} is not this bridge`;
  const origin = headers.origin;
  // No Origin: a same-origin GET or a non-browser client (curl, tests). Browsers always send one cross-site.
  if (origin !== undefined && !allowedOrigins(port).has(origin.toLowerCase())) return `Origin ${JSON.stringify(origin)} is not allowed`;
  return null;
}

export function tokenMatches(given: string | string[] | null | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The one answer to "which path is this request for?", used by every security decision (CSRF and
 * Origin checks, problem+json or HTML). The raw URL cannot be trusted for it: the router decodes
 * percent-escapes, so `POST /%61pi/v1/auth/login` reaches the login route while a check reading
 * `request.url` sees no `/api/` prefix (issue 15, login CSRF). We take the route's own pattern
 * when one matched, and otherwise the URL's path decoded, with repeated slashes collapsed and in
 * lower case, so no spelling of a path routes one way and is judged another.
 */
import type { FastifyRequest } from 'fastify';

/** The raw URL's path decoded (each escape once, as the router does), slashes collapsed, lower-cased. */
export function normalizePath(rawUrl: string): string {
  const path = rawUrl.split(/[?#]/, 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape: decode what can be decoded, byte by byte.
    decoded = path.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  return decoded.replace(/\/{2,}/g, '/').toLowerCase();
}

/** The path the request was routed to: the matched route's pattern, else the normalized URL path. */
export function routedPath(request: FastifyRequest): string {
  const pattern = request.routeOptions?.url;
  return (pattern ?? normalizePath(request.url)).toLowerCase();
}

/** Whether the request is for the JSON API (/api/…), however its URL was spelled. */
export function isApiRequest(request: FastifyRequest): boolean {
  const path = routedPath(request);
  return path === '/api' || path.startsWith('/api/');
}

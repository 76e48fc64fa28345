/**
 * Authentication for the JSON API: a bearer API token (machine clients) or the console's
 * session cookie. Cookie-authenticated requests that change something must carry the session's
 * CSRF token in `x-csrf-token` (the console reads it from /auth/me), and any unsafe request
 * whose Origin is another site is refused: a page elsewhere can neither read the token nor
 * forge the header. Both decisions read the routed path (./routed-path.ts), never the raw URL.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { DomainError } from '../domain/errors.ts';
import { resolveSession } from '../modules/auth/auth.service.ts';
import { resolveToken } from '../modules/auth/tokens.service.ts';

import { SESSION_COOKIE } from '../modules/auth/session-cookie.ts';
import { isApiRequest } from './routed-path.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * What a session whose password must be changed (set by someone else: init, a reset) may still
 * do: read who it is, change the password, log out. Matched on the route pattern, not the URL.
 */
const WHILE_PASSWORD_MUST_CHANGE = new Set([
  'GET /api/v1/auth/me',
  'POST /api/v1/auth/password',
  'POST /api/v1/auth/logout',
]);

function allowedBeforePasswordChange(request: FastifyRequest): boolean {
  return WHILE_PASSWORD_MUST_CHANGE.has(`${request.method} ${request.routeOptions.url ?? ''}`);
}

/**
 * Whether an unsafe request comes from this site: its Origin is the configured public address
 * (GONGKAI_PUBLIC_URL), or names the host the request was sent to. Behind a trusted proxy
 * (GONGKAI_TRUST_PROXY) that host is X-Forwarded-Host, since nginx by default passes its own
 * upstream address as Host; from anyone else the forwarded headers are ignored.
 */
function sameOrigin(request: FastifyRequest, publicUrl: string): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  // 「Origin: null」 comes from a sandboxed frame, a file, or a form posted under a no-referrer
  // policy (older pages in a browser cache). The API refuses it; a portal form (which carries its
  // own CSRF token where it acts on a record) accepts it. The app's Referrer-Policy is
  // same-origin, so this site's own pages always send their origin.
  if (origin === 'null') return !isApiRequest(request);
  try {
    const url = new URL(origin);
    return url.origin === new URL(publicUrl).origin || url.host === request.host;
  } catch {
    return false;
  }
}

function equalTokens(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function registerAuthentication(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    // One decision for every path (API, portal forms, console): an unsafe request from another
    // site is refused before anything else looks at it, however its URL is spelled.
    if (!SAFE_METHODS.has(request.method) && !sameOrigin(request, app.ctx.config.publicUrl)) {
      throw new DomainError('CSRF_FAILED', '请求来源不可信，已拒绝');
    }
    if (!isApiRequest(request)) return;
    const { db, config, clock } = app.ctx;
    const auth = request.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const actor = await resolveToken(db, auth.slice(7).trim(), request.ip, clock);
      if (!actor) throw new DomainError('UNAUTHENTICATED', 'API 令牌无效、已过期或已被吊销');
      request.actor = actor;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (!cookie) return;
    const session = await resolveSession(db, cookie, request.ip, config.security, clock);
    if (!session) return;
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !equalTokens(header, session.csrfToken)) {
        throw new DomainError('CSRF_FAILED', '页面已过期或请求来源不可信，请刷新后重试');
      }
    }
    if (session.user.mustChangePassword && !allowedBeforePasswordChange(request)) {
      throw new DomainError('PASSWORD_CHANGE_REQUIRED', '请先修改密码：本账号的密码由他人设置，须在首次登录时修改');
    }
    request.session = session;
    request.actor = session.actor;
  });
}

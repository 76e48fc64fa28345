import type { FastifyRequest } from 'fastify';
import type { Config } from '../config/config.ts';

/**
 * Whether a cookie set in answer to this request gets the Secure flag: always when
 * GONGKAI_SECURE_COOKIES is on (production), and whenever the request arrived over HTTPS — which,
 * behind a TLS-terminating proxy named in GONGKAI_TRUST_PROXY, X-Forwarded-Proto tells.
 */
export function secureCookie(request: FastifyRequest, config: Config): boolean {
  return config.security.secureCookies || request.protocol === 'https';
}

/** The authenticated actor of a request (set by src/server/authenticate.ts), for route handlers. */
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../domain/errors.ts';
import type { Actor } from '../policies/actor.ts';

/** The authenticated actor, or UNAUTHENTICATED (401). */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('UNAUTHENTICATED', '请先登录');
  return request.actor;
}

/**
 * Enforces each route's declared policy (src/policies/route-policies.ts) before its body or query
 * is validated: an anonymous caller gets 401 and an account without the route's permission 403,
 * whatever it sends, so a refused caller learns nothing from validation errors. The services check
 * the permission again against the record itself (its agency, the account's roles): this is the
 * coarse gate, `can` in the service the fine one. A route without a declared policy is refused
 * (fail closed); route-policies.http.test.ts keeps that from ever happening.
 */
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../domain/errors.ts';
import { requireActor } from '../http/actor.ts';
import { permissionsOf } from '../policies/can.ts';
import { admits, describePolicy, policyOf } from '../policies/route-policies.ts';

export function registerRoutePolicies(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const url = request.routeOptions.url;
    if (url === undefined) return; // no route matched: the not-found handler answers
    const policy = policyOf(request.method, url);
    if (policy === undefined) {
      request.log.error({ method: request.method, route: url }, 'route without a declared policy');
      throw new DomainError('FORBIDDEN', '此接口未声明访问权限，已拒绝');
    }
    if (policy === 'public' || policy === 'metrics') return;
    const actor = requireActor(request);
    if (policy === 'session' && actor.kind !== 'user') {
      throw new DomainError('FORBIDDEN', '此操作须由本人登录后进行，API 令牌不能使用');
    }
    if (!admits(policy, permissionsOf(actor))) {
      throw new DomainError('FORBIDDEN', '您没有执行此操作的权限', { permission: describePolicy(policy) });
    }
  });
}

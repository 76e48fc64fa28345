/** Builds the Actor for an authenticated user: roles and the agencies the user may read. */
import type { DbOrTx } from '../../db/database.ts';
import type { Actor } from '../../policies/actor.ts';
import { PLATFORM_ROLES } from '../../policies/permissions.ts';
import { subtreeSet } from '../agencies/agencies.repository.ts';
import type { UserRecord } from './users.repository.ts';

export async function actorForUser(
  db: DbOrTx,
  user: UserRecord,
  via: { kind: 'user' | 'token'; scopes: readonly string[] | null; clientIp: string | null },
): Promise<Actor> {
  let visible: Actor['visibleAgencies'];
  if (user.roles.some((r) => PLATFORM_ROLES.includes(r))) {
    visible = 'all';
  } else if (user.roles.includes('supervisor')) {
    // 主管部门: reads the whole subtree of the government node it was granted (a set shared between requests: never changed).
    const reach = await subtreeSet(db, user.reach);
    visible = reach.has(user.agencyId) ? reach : new Set([user.agencyId, ...reach]);
  } else {
    visible = new Set([user.agencyId]);
  }
  return {
    kind: via.kind,
    id: user.id,
    name: user.displayName,
    agencyId: user.agencyId,
    roles: user.roles,
    visibleAgencies: visible,
    scopes: via.scopes,
    clientIp: via.clientIp,
  };
}

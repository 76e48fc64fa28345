/**
 * Authorization in one place: `can(actor, permission, subject)`. Routes check it before calling
 * a service; services that jobs or the CLI call check it again through `authorize`.
 */
import { DomainError } from '../domain/errors.ts';
import type { Role } from '../domain/accounts.ts';
import type { Actor } from './actor.ts';
import { ROLE_PERMISSIONS, type Permission } from './permissions.ts';

export interface Subject {
  /** The agency the record belongs to. */
  agencyId?: string | null;
  /** For account management: the roles the target account has or will have. */
  roles?: readonly Role[];
}

export function permissionsOf(actor: Actor): Set<Permission> {
  if (actor.kind === 'system') return new Set(Object.values(ROLE_PERMISSIONS).flat());
  const granted = new Set(actor.roles.flatMap((r) => ROLE_PERMISSIONS[r]));
  if (actor.scopes) for (const p of [...granted]) if (!actor.scopes.includes(p)) granted.delete(p);
  return granted;
}

export function canSeeAgency(actor: Actor, agencyId: string): boolean {
  return actor.visibleAgencies === 'all' || actor.visibleAgencies.has(agencyId);
}

export function can(actor: Actor, permission: Permission, subject: Subject = {}): boolean {
  if (!permissionsOf(actor).has(permission)) return false;
  if (subject.agencyId && !canSeeAgency(actor, subject.agencyId)) return false;
  if (
    permission === 'users.manage' &&
    subject.roles &&
    !actor.roles.includes('system_admin') &&
    actor.kind !== 'system'
  ) {
    // An agency administrator manages business accounts of his own agency only: never the
    // system roles, nor a supervisor (whose reach spans other agencies).
    if (
      subject.roles.some((r) =>
        ['system_admin', 'security_admin', 'audit_admin', 'supervisor', 'agency_admin'].includes(r),
      )
    ) {
      return false;
    }
  }
  return true;
}

/** Throws FORBIDDEN unless `can` allows it. */
export function authorize(actor: Actor, permission: Permission, subject: Subject = {}): void {
  if (!can(actor, permission, subject)) {
    throw new DomainError('FORBIDDEN', '您没有执行此操作的权限', { permission });
  }
}

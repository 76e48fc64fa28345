/**
 * 三员分立 (src/domain/accounts.ts grantNeedsApproval; docs/security.md): role grants and password
 * resets asked for by an administrator take effect only when a 安全保密管理员 approves them. The
 * approver, never the asker, receives the initial or reset password (shown once, to hand to the
 * holder in person), and the holder must change it at first sign-in; so the asker never knows a
 * password of an account whose powers he asked for, and the approver cannot start a change.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/database.ts';
import { passwordProblem, validateRoles, type Role } from '../../domain/accounts.ts';
import { DomainError, ValidationError } from '../../domain/errors.ts';
import type { Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize, canSeeAgency } from '../../policies/can.ts';
import { ROLE_INFO } from '../../domain/accounts.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { deleteUserSessions } from '../auth/sessions.repository.ts';
import { hashPassword } from './password.ts';
import * as changes from './account-changes.repository.ts';
import * as repo from './users.repository.ts';

export type { AccountChange } from './account-changes.repository.ts';

const roleNames = (roles: readonly Role[]) => roles.map((r) => ROLE_INFO[r].name).join('、') || '（无）';

/** Records a request (inside the caller's transaction) and audits it. */
export async function requestChange(
  tx: DbOrTx,
  actor: Actor,
  user: { id: string; username: string; agencyId: string; roles: readonly Role[] },
  change: { kind: 'grant'; roles: Role[]; reach: string[]; newAccount: boolean } | { kind: 'password_reset' },
  clock: Clock,
): Promise<string> {
  const id = randomUUID();
  await changes.insertChange(
    tx,
    {
      id,
      userId: user.id,
      agencyId: user.agencyId,
      kind: change.kind,
      roles: change.kind === 'grant' ? change.roles : null,
      reach: change.kind === 'grant' ? change.reach : null,
      newAccount: change.kind === 'grant' && change.newAccount,
      requestedBy: actor.id,
      requestedByName: actor.name,
    },
    clock.now().toISOString(),
  );
  await recordAudit(
    tx,
    actor,
    {
      agencyId: user.agencyId,
      action: 'user.change_requested',
      subjectType: 'user',
      subjectId: user.id,
      summary:
        change.kind === 'grant'
          ? `申请将账号 ${user.username} 的角色设为 ${roleNames(change.roles)}，待安全保密管理员批准`
          : `申请重置账号 ${user.username} 的密码，待安全保密管理员批准`,
      before: { roles: user.roles },
      after: change.kind === 'grant' ? { roles: change.roles, reach: change.reach, changeId: id } : { changeId: id },
    },
    clock,
  );
  return id;
}

/**
 * The changes an actor may see: the approver and the audit administrator all; administrators
 * their reach. The holder sees their own pending changes on their account (GET /api/v1/account,
 * pendingChanges), so this list is the administrators' (route policy account_changes.read).
 */
export async function listChanges(
  db: Db,
  actor: Actor,
  filter: { status?: string; userId?: string },
): Promise<changes.AccountChange[]> {
  authorize(actor, 'account_changes.read');
  return changes.listChanges(db, {
    agencyIds: actor.visibleAgencies === 'all' ? 'all' : [...actor.visibleAgencies],
    ...filter,
  });
}

export const pendingFor = changes.pendingFor;

/** A random password meeting the policy: four character classes, 16 characters. */
export function generatePassword(): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '!@#%+=-_'];
  const pick = (set: string) => set[randomInt(set.length)]!;
  const chars = sets.map(pick);
  const all = sets.join('');
  while (chars.length < 16) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

async function pendingChange(db: Db, actor: Actor, id: string): Promise<changes.AccountChange> {
  authorize(actor, 'account_changes.approve');
  const change = await changes.findChange(db, id);
  if (!change || !canSeeAgency(actor, change.agencyId)) throw new DomainError('NOT_FOUND', '变更申请不存在');
  if (change.status !== 'pending') throw new DomainError('CONFLICT', '该申请已处理');
  // 三员分立: nobody approves a change of his own account or his own request.
  if (actor.id && (actor.id === change.userId || actor.id === change.requestedBy))
    throw new DomainError('FORBIDDEN', '不能批准本人提出的申请或涉及本人账号的申请');
  return change;
}

/**
 * Approves a pending change. A role grant takes effect (a new account also gets its initial
 * password); a reset sets a new password and ends the holder's sessions. The password, when
 * there is one, is returned once for the approver to hand over; the holder must change it.
 */
export async function approveChange(
  db: Db,
  actor: Actor,
  id: string,
  policy: { passwordMinLength: number },
  clock: Clock,
): Promise<{ change: changes.AccountChange; password: string | null }> {
  const change = await pendingChange(db, actor, id);
  const user = await repo.findUserById(db, change.userId);
  if (!user) throw new DomainError('NOT_FOUND', '账号不存在');
  const roles = change.kind === 'grant' ? validateRoles(change.roles ?? []) : user.roles;
  const password = change.kind === 'password_reset' || change.newAccount ? generatePassword() : null;
  if (password && passwordProblem(password, user.username, { minLength: policy.passwordMinLength })) {
    throw new DomainError('CONFLICT', '无法生成符合策略的密码，请调整密码最小长度设置');
  }
  const hash = password ? await hashPassword(password) : null;
  await db.transaction().execute(async (tx) => {
    const now = clock.now().toISOString();
    const decided = await changes.decideChange(tx, id, {
      status: 'approved',
      by: actor.id,
      byName: actor.name,
      at: now,
      note: null,
    });
    if (!decided) throw new DomainError('CONFLICT', '该申请已处理');
    if (change.kind === 'grant') {
      await repo.replaceRoles(tx, user.id, roles);
      await repo.replaceReach(tx, user.id, change.reach ?? []);
    }
    if (hash) {
      await repo.storePassword(tx, user.id, hash, { mustChange: true }, now);
      await deleteUserSessions(tx, user.id);
    }
    await recordAudit(
      tx,
      actor,
      {
        agencyId: user.agencyId,
        action: 'user.change_approved',
        subjectType: 'user',
        subjectId: user.id,
        summary:
          change.kind === 'grant'
            ? `批准 ${change.requestedByName} 的申请：账号 ${user.username} 的角色设为 ${roleNames(roles)}${password ? '，已生成初始密码' : ''}`
            : `批准 ${change.requestedByName} 的申请：重置账号 ${user.username} 的密码（首次登录须修改）`,
        before: { roles: user.roles },
        after: { roles, changeId: id, ...(password ? { mustChangePassword: true } : {}) },
      },
      clock,
    );
  });
  return { change: (await changes.findChange(db, id))!, password };
}

export async function rejectChange(
  db: Db,
  actor: Actor,
  id: string,
  note: string,
  clock: Clock,
): Promise<changes.AccountChange> {
  const change = await pendingChange(db, actor, id);
  if (!note.trim()) throw new ValidationError({ note: '请填写不予批准的理由' });
  await db.transaction().execute(async (tx) => {
    const now = clock.now().toISOString();
    if (
      !(await changes.decideChange(tx, id, {
        status: 'rejected',
        by: actor.id,
        byName: actor.name,
        at: now,
        note: note.trim(),
      }))
    )
      throw new DomainError('CONFLICT', '该申请已处理');
    await recordAudit(
      tx,
      actor,
      {
        agencyId: change.agencyId,
        action: 'user.change_rejected',
        subjectType: 'user',
        subjectId: change.userId,
        summary: `不予批准 ${change.requestedByName} 对账号 ${change.username} 的${change.kind === 'grant' ? '角色' : '重置密码'}申请：${note.trim()}`,
      },
      clock,
    );
  });
  return (await changes.findChange(db, id))!;
}

export function presentChange(c: changes.AccountChange) {
  return {
    id: c.id,
    userId: c.userId,
    username: c.username,
    displayName: c.displayName,
    agencyId: c.agencyId,
    kind: c.kind,
    roles: c.roles,
    newAccount: c.newAccount,
    status: c.status,
    requestedByName: c.requestedByName,
    requestedAt: c.requestedAt,
    decidedByName: c.decidedByName,
    decidedAt: c.decidedAt,
    note: c.note,
  };
}

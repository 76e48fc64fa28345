/** Staff accounts: creation, roles (三员分立), status, unlocking and passwords. Every change is audited. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { passwordProblem, validateRoles, validateUsername, type Role } from '../../domain/accounts.ts';
import { isGovernment } from '../../domain/agency.ts';
import { DomainError, ValidationError } from '../../domain/errors.ts';
import type { Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize } from '../../policies/can.ts';
import { findById as findAgency } from '../agencies/agencies.repository.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { hashPassword, verifyPassword } from './password.ts';
import * as repo from './users.repository.ts';

export type { UserRecord } from './users.repository.ts';

export interface SecurityPolicy {
  passwordMinLength: number;
}

/** A user as shown to staff: never the password hash. */
export function presentUser(u: repo.UserRecord) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    agencyId: u.agencyId,
    agencyName: u.agencyName,
    roles: u.roles,
    status: u.status,
    lockedUntil: u.lockedUntil,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
    reachAgencyIds: u.reach,
  };
}
export type UserView = ReturnType<typeof presentUser>;

export async function listUsers(db: Db, actor: Actor, agencyId?: string): Promise<repo.UserRecord[]> {
  authorize(actor, 'users.read', agencyId ? { agencyId } : {});
  if (agencyId) return repo.listUsers(db, [agencyId]);
  return repo.listUsers(db, actor.visibleAgencies === 'all' ? 'all' : [...actor.visibleAgencies]);
}

async function getUser(db: Db, id: string): Promise<repo.UserRecord> {
  const user = await repo.findUserById(db, id);
  if (!user) throw new DomainError('NOT_FOUND', '账号不存在');
  return user;
}

/** A supervisor reads the subtree of the nearest government at or above its own agency. */
async function defaultReach(db: Db, agencyId: string): Promise<string[]> {
  let agency = await findAgency(db, agencyId);
  while (agency && !isGovernment(agency.level) && agency.parentId) agency = await findAgency(db, agency.parentId);
  return agency ? [agency.id] : [];
}

export interface NewUserInput {
  username: string;
  displayName: string;
  agencyId: string;
  roles: string[];
  password: string;
  /** For supervisors: the government node whose subtree they read (default: their own government). */
  reachAgencyId?: string | null;
}

export async function createUser(db: Db, actor: Actor, input: NewUserInput, policy: SecurityPolicy, clock: Clock): Promise<repo.UserRecord> {
  authorize(actor, 'users.manage');
  const errors: Record<string, string> = {};
  const username = input.username.trim().toLowerCase();
  const usernameProblem = validateUsername(username);
  if (usernameProblem) errors.username = usernameProblem;
  if (!input.displayName.trim()) errors.displayName = '请填写姓名';
  const pw = passwordProblem(input.password, username, { minLength: policy.passwordMinLength });
  if (pw) errors.password = pw;
  let roles: Role[] = [];
  try {
    roles = validateRoles(input.roles);
  } catch (e) {
    if (e instanceof ValidationError) Object.assign(errors, e.fields);
    else throw e;
  }
  const agency = await findAgency(db, input.agencyId);
  if (!agency) errors.agencyId = '所属机构不存在';
  if (Object.keys(errors).length) throw new ValidationError(errors);
  authorize(actor, 'users.manage', { agencyId: input.agencyId, roles });
  if (await repo.findUserByUsername(db, username)) throw new ValidationError({ username: '该用户名已被使用' });
  let reach: string[] = [];
  if (roles.includes('supervisor')) {
    reach = input.reachAgencyId ? [input.reachAgencyId] : await defaultReach(db, input.agencyId);
    const root = reach[0] ? await findAgency(db, reach[0]) : null;
    if (!root || !isGovernment(root.level)) throw new ValidationError({ reachAgencyId: '监督范围应为一级人民政府' });
  }
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (tx) => {
    await repo.insertUser(tx, { id, username, displayName: input.displayName.trim(), agencyId: input.agencyId, passwordHash, roles, reach }, clock.now().toISOString());
    await recordAudit(tx, actor, { agencyId: input.agencyId, action: 'user.create', subjectType: 'user', subjectId: id, summary: `新建账号 ${username}（${input.displayName.trim()}）`, after: { username, displayName: input.displayName.trim(), roles, reach } }, clock);
    return (await repo.findUserById(tx, id))!;
  });
}

export interface UserPatch {
  displayName?: string;
  roles?: string[];
  status?: 'active' | 'disabled';
}

export async function updateUser(db: Db, actor: Actor, id: string, patch: UserPatch, clock: Clock): Promise<repo.UserRecord> {
  const user = await getUser(db, id);
  authorize(actor, 'users.manage', { agencyId: user.agencyId, roles: user.roles });
  const roles = patch.roles ? validateRoles(patch.roles) : user.roles;
  authorize(actor, 'users.manage', { agencyId: user.agencyId, roles });
  if (patch.displayName !== undefined && !patch.displayName.trim()) throw new ValidationError({ displayName: '请填写姓名' });
  if (patch.status && actor.id === id && patch.status === 'disabled') throw new ValidationError({ status: '不能停用自己的账号' });
  return db.transaction().execute(async (tx) => {
    const now = clock.now().toISOString();
    await repo.updateUser(tx, id, { ...(patch.displayName ? { display_name: patch.displayName.trim() } : {}), ...(patch.status ? { status: patch.status } : {}) }, now);
    if (patch.roles) {
      await repo.replaceRoles(tx, id, roles);
      if (roles.includes('supervisor') && user.reach.length === 0) await repo.replaceReach(tx, id, await defaultReach(db, user.agencyId));
    }
    if (patch.status === 'disabled') await tx.deleteFrom('session').where('user_id', '=', id).execute();
    const before = { displayName: user.displayName, roles: user.roles, status: user.status };
    const after = { displayName: patch.displayName?.trim() ?? user.displayName, roles, status: patch.status ?? user.status };
    await recordAudit(tx, actor, { agencyId: user.agencyId, action: 'user.update', subjectType: 'user', subjectId: id, summary: `修改账号 ${user.username}`, before, after }, clock);
    return (await repo.findUserById(tx, id))!;
  });
}

export async function unlockUser(db: Db, actor: Actor, id: string, clock: Clock): Promise<repo.UserRecord> {
  const user = await getUser(db, id);
  authorize(actor, 'users.unlock', { agencyId: user.agencyId });
  return db.transaction().execute(async (tx) => {
    await repo.updateUser(tx, id, { failed_logins: 0, locked_until: null }, clock.now().toISOString());
    await recordAudit(tx, actor, { agencyId: user.agencyId, action: 'user.unlock', subjectType: 'user', subjectId: id, summary: `解除账号 ${user.username} 的锁定`, before: { lockedUntil: user.lockedUntil } }, clock);
    return (await repo.findUserById(tx, id))!;
  });
}

async function setPassword(db: Db, actor: Actor, user: repo.UserRecord, password: string, action: string, summary: string, clock: Clock) {
  const hash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    const now = clock.now().toISOString();
    await repo.updateUser(tx, user.id, { password_hash: hash, password_changed_at: now, failed_logins: 0, locked_until: null }, now);
    await recordAudit(tx, actor, { agencyId: user.agencyId, action, subjectType: 'user', subjectId: user.id, summary }, clock);
  });
}

export async function resetPassword(db: Db, actor: Actor, id: string, password: string, policy: SecurityPolicy, clock: Clock): Promise<void> {
  const user = await getUser(db, id);
  authorize(actor, 'users.manage', { agencyId: user.agencyId, roles: user.roles });
  const problem = passwordProblem(password, user.username, { minLength: policy.passwordMinLength });
  if (problem) throw new ValidationError({ password: problem });
  await setPassword(db, actor, user, password, 'user.password_reset', `重置账号 ${user.username} 的密码`, clock);
  await db.deleteFrom('session').where('user_id', '=', id).execute();
}

export async function changeOwnPassword(db: Db, actor: Actor, current: string, next: string, policy: SecurityPolicy, clock: Clock): Promise<void> {
  if (!actor.id || actor.kind !== 'user') throw new DomainError('FORBIDDEN', '只有登录用户可以修改自己的密码');
  const user = await getUser(db, actor.id);
  if (!(await verifyPassword(current, user.passwordHash))) throw new ValidationError({ currentPassword: '当前密码不正确' });
  const problem = passwordProblem(next, user.username, { minLength: policy.passwordMinLength });
  if (problem) throw new ValidationError({ newPassword: problem });
  if (current === next) throw new ValidationError({ newPassword: '新密码不能与当前密码相同' });
  await setPassword(db, actor, user, next, 'user.password_change', `${user.username} 修改了自己的密码`, clock);
}

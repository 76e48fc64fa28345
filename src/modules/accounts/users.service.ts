/**
 * Staff accounts: creation, roles (三员分立), status, unlocking, passwords, the e-mail address
 * and the reminder-mail preference (set by the user administrator, or by the user on 我的账号).
 * Every change is audited.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import {
  grantNeedsApproval,
  passwordProblem,
  validateRoles,
  validateUsername,
  type Role,
} from '../../domain/accounts.ts';
import { isGovernment } from '../../domain/agency.ts';
import { DomainError, ValidationError } from '../../domain/errors.ts';
import type { Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize, can } from '../../policies/can.ts';
import { findById as findAgency } from '../agencies/agencies.repository.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { deleteUserSessions } from '../auth/sessions.repository.ts';
import { clearUsername } from '../auth/login-throttle.repository.ts';
import { usernameHash } from '../auth/login-throttle.keys.ts';
import { maskEmail } from '../privacy/personal-data.ts';
import { readEmail } from './email.ts';
import { hashPassword, verifyPassword } from './password.ts';
import * as repo from './users.repository.ts';
import { requestChange, type AccountChange } from './account-changes.service.ts';

/** A change awaiting the 安全保密管理员, as shown beside the account. */
export function presentPending(c: AccountChange) {
  return { id: c.id, kind: c.kind, roles: c.roles, requestedByName: c.requestedByName, requestedAt: c.requestedAt };
}

export type { UserRecord } from './users.repository.ts';

export interface SecurityPolicy {
  passwordMinLength: number;
}

/** Who an account is: the fields every view of one begins with (accountIdentity in auth.schemas.ts). */
export function presentIdentity(u: repo.UserRecord) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    agencyId: u.agencyId,
    agencyName: u.agencyName,
    roles: u.roles,
  };
}

/**
 * A user as shown to staff: never the password hash. The e-mail address is masked, and whole
 * only for an actor who may manage the account (who edits it).
 */
export function presentUser(u: repo.UserRecord, actor: Actor, pending: AccountChange[] = []) {
  return {
    ...presentIdentity(u),
    status: u.status,
    lockedUntil: u.lockedUntil,
    lastLoginAt: u.lastLoginAt,
    createdAt: u.createdAt,
    reachAgencyIds: u.reach,
    email: can(actor, 'users.manage', { agencyId: u.agencyId, roles: u.roles }) ? u.email : null,
    emailMasked: u.email ? maskEmail(u.email) : null,
    reminderEmail: u.reminderEmail,
    pendingChanges: pending.filter((c) => c.userId === u.id).map(presentPending),
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
  /** Only the operator's CLI and the demo loader set it; an administrator's request gets one at approval. */
  password?: string;
  /** For supervisors: the government node whose subtree they read (default: their own government). */
  reachAgencyId?: string | null;
  /** Work e-mail for reminders; blank or absent = none. */
  email?: string | null;
  /** Reminder e-mails (default on). */
  reminderEmail?: boolean;
}

/** Runs `read`, moving its ValidationError fields into `errors`, so one answer lists every problem. */
function collect<T>(errors: Record<string, string>, read: () => T): T | undefined {
  try {
    return read();
  } catch (e) {
    if (e instanceof ValidationError) Object.assign(errors, e.fields);
    else throw e;
    return undefined;
  }
}

export async function createUser(
  db: Db,
  actor: Actor,
  input: NewUserInput,
  policy: SecurityPolicy,
  clock: Clock,
): Promise<repo.UserRecord> {
  authorize(actor, 'users.manage');
  const errors: Record<string, string> = {};
  const username = input.username.trim().toLowerCase();
  const usernameProblem = validateUsername(username);
  if (usernameProblem) errors.username = usernameProblem;
  if (!input.displayName.trim()) errors.displayName = '请填写姓名';
  // 三员分立: an administrator asks for the account; the approver receives its initial password.
  const approval = actor.kind !== 'system';
  if (approval && input.password) errors.password = '初始密码由安全保密管理员批准时生成并交付本人，申请时无需填写';
  const pw = approval ? null : passwordProblem(input.password ?? '', username, { minLength: policy.passwordMinLength });
  if (pw) errors.password = pw;
  const roles: Role[] = collect(errors, () => validateRoles(input.roles)) ?? [];
  const email = collect(errors, () => readEmail(input.email)) ?? null;
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
  // Awaiting approval, the account holds no role and a password nobody knows.
  const passwordHash = await hashPassword(approval ? randomBytes(32).toString('base64url') : input.password!);
  return db.transaction().execute(async (tx) => {
    const reminderEmail = input.reminderEmail ?? true;
    await repo.insertUser(
      tx,
      {
        id,
        username,
        displayName: input.displayName.trim(),
        agencyId: input.agencyId,
        passwordHash,
        email,
        reminderEmail,
        roles: approval ? [] : roles,
        reach: approval ? [] : reach,
        mustChangePassword: approval,
      },
      clock.now().toISOString(),
    );
    await recordAudit(
      tx,
      actor,
      {
        agencyId: input.agencyId,
        action: 'user.create',
        subjectType: 'user',
        subjectId: id,
        summary: `新建账号 ${username}（${input.displayName.trim()}）`,
        after: {
          username,
          displayName: input.displayName.trim(),
          roles,
          reach,
          email: email && maskEmail(email),
          reminderEmail,
        },
      },
      clock,
    );
    if (approval)
      await requestChange(
        tx,
        actor,
        { id, username, agencyId: input.agencyId, roles: [] },
        { kind: 'grant', roles, reach, newAccount: true },
        clock,
      );
    return (await repo.findUserById(tx, id))!;
  });
}

export interface UserPatch {
  displayName?: string;
  roles?: string[];
  status?: 'active' | 'disabled';
  /** Blank or null removes the address. */
  email?: string | null;
  reminderEmail?: boolean;
}

export async function updateUser(
  db: Db,
  actor: Actor,
  id: string,
  patch: UserPatch,
  clock: Clock,
): Promise<repo.UserRecord> {
  const user = await getUser(db, id);
  authorize(actor, 'users.manage', { agencyId: user.agencyId, roles: user.roles });
  const roles = patch.roles ? validateRoles(patch.roles) : user.roles;
  authorize(actor, 'users.manage', { agencyId: user.agencyId, roles });
  // 三员分立: a grant waits for the 安全保密管理员; the account keeps its roles meanwhile.
  const awaitsApproval = actor.kind !== 'system' && grantNeedsApproval(user.roles, roles);
  const errors: Record<string, string> = {};
  if (patch.displayName !== undefined && !patch.displayName.trim()) errors.displayName = '请填写姓名';
  if (patch.status && actor.id === id && patch.status === 'disabled') errors.status = '不能停用自己的账号';
  const email = collect(errors, () => readEmail(patch.email));
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return db.transaction().execute(async (tx) => {
    const now = clock.now().toISOString();
    await repo.updateUser(
      tx,
      id,
      {
        ...(patch.displayName ? { display_name: patch.displayName.trim() } : {}),
        ...(patch.status ? { status: patch.status } : {}),
        ...(email !== undefined ? { email } : {}),
        ...(patch.reminderEmail !== undefined ? { reminder_email: patch.reminderEmail ? 1 : 0 } : {}),
      },
      now,
    );
    if (patch.roles) {
      const reach =
        roles.includes('supervisor') && user.reach.length === 0 ? await defaultReach(db, user.agencyId) : user.reach;
      if (awaitsApproval) {
        await requestChange(tx, actor, user, { kind: 'grant', roles, reach, newAccount: false }, clock);
      } else {
        await repo.replaceRoles(tx, id, roles);
        if (reach !== user.reach) await repo.replaceReach(tx, id, reach);
      }
    }
    if (patch.status === 'disabled') await deleteUserSessions(tx, id);
    const before = {
      displayName: user.displayName,
      roles: user.roles,
      status: user.status,
      email: user.email && maskEmail(user.email),
      reminderEmail: user.reminderEmail,
    };
    const nextEmail = email === undefined ? user.email : email;
    const after = {
      displayName: patch.displayName?.trim() ?? user.displayName,
      roles: awaitsApproval ? user.roles : roles,
      status: patch.status ?? user.status,
      email: nextEmail && maskEmail(nextEmail),
      reminderEmail: patch.reminderEmail ?? user.reminderEmail,
    };
    await recordAudit(
      tx,
      actor,
      {
        agencyId: user.agencyId,
        action: 'user.update',
        subjectType: 'user',
        subjectId: id,
        summary: `修改账号 ${user.username}`,
        before,
        after,
      },
      clock,
    );
    return (await repo.findUserById(tx, id))!;
  });
}

export async function unlockUser(db: Db, actor: Actor, id: string, clock: Clock): Promise<repo.UserRecord> {
  const user = await getUser(db, id);
  authorize(actor, 'users.unlock', { agencyId: user.agencyId });
  return db.transaction().execute(async (tx) => {
    const now = clock.now().toISOString();
    await repo.updateUser(tx, id, { failed_logins: 0, locked_until: null }, now);
    // Every block on the username, from every address (src/domain/login-throttle.ts).
    await clearUsername(tx, usernameHash(user.username), now);
    await recordAudit(
      tx,
      actor,
      {
        agencyId: user.agencyId,
        action: 'user.unlock',
        subjectType: 'user',
        subjectId: id,
        summary: `解除账号 ${user.username} 的锁定`,
        before: { lockedUntil: user.lockedUntil },
      },
      clock,
    );
    return (await repo.findUserById(tx, id))!;
  });
}

/**
 * Stores a new password (and audits it). `mustChange`: the password was chosen by someone other
 * than the holder (a reset), who then may do nothing but change it at next login; a holder's own
 * change clears the flag.
 */
export async function setPassword(
  db: Db,
  actor: Actor,
  user: repo.UserRecord,
  password: string,
  audit: { action: string; summary: string; mustChange: boolean },
  clock: Clock,
) {
  const hash = await hashPassword(password);
  await db.transaction().execute(async (tx) => {
    const now = clock.now().toISOString();
    await repo.storePassword(tx, user.id, hash, { mustChange: audit.mustChange }, now);
    await recordAudit(
      tx,
      actor,
      {
        agencyId: user.agencyId,
        action: audit.action,
        subjectType: 'user',
        subjectId: user.id,
        summary: audit.summary,
        ...(audit.mustChange ? { after: { mustChangePassword: true } } : {}),
      },
      clock,
    );
  });
}

export async function resetPassword(
  db: Db,
  actor: Actor,
  id: string,
  password: string | undefined,
  policy: SecurityPolicy,
  clock: Clock,
): Promise<'requested' | 'done'> {
  const user = await getUser(db, id);
  authorize(actor, 'users.manage', { agencyId: user.agencyId, roles: user.roles });
  if (actor.kind !== 'system') {
    // 三员分立: the reset waits for the 安全保密管理员, who receives the new password (the asker never does).
    if (password) throw new ValidationError({ password: '新密码由安全保密管理员批准时生成并交付本人，申请时无需填写' });
    if (actor.id === id) throw new DomainError('FORBIDDEN', '请在“我的账号”中修改自己的密码');
    await db.transaction().execute(async (tx) => {
      await requestChange(tx, actor, user, { kind: 'password_reset' }, clock);
    });
    return 'requested';
  }
  const problem = passwordProblem(password ?? '', user.username, { minLength: policy.passwordMinLength });
  if (problem) throw new ValidationError({ password: problem });
  await setPassword(
    db,
    actor,
    user,
    password ?? '',
    { action: 'user.password_reset', summary: `重置账号 ${user.username} 的密码`, mustChange: true },
    clock,
  );
  await deleteUserSessions(db, id);
  return 'done';
}

export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  current: string,
  next: string,
  policy: SecurityPolicy,
  clock: Clock,
): Promise<void> {
  if (!actor.id || actor.kind !== 'user') throw new DomainError('FORBIDDEN', '只有登录用户可以修改自己的密码');
  const user = await getUser(db, actor.id);
  if (!(await verifyPassword(current, user.passwordHash)))
    throw new ValidationError({ currentPassword: '当前密码不正确' });
  const problem = passwordProblem(next, user.username, { minLength: policy.passwordMinLength });
  if (problem) throw new ValidationError({ newPassword: problem });
  if (current === next) throw new ValidationError({ newPassword: '新密码不能与当前密码相同' });
  await setPassword(
    db,
    actor,
    user,
    next,
    { action: 'user.password_change', summary: `${user.username} 修改了自己的密码`, mustChange: false },
    clock,
  );
}

/** The signed-in user's own account (我的账号). API tokens have none: they act for a user but are not that user. */
async function ownAccount(db: Db, actor: Actor): Promise<repo.UserRecord> {
  if (!actor.id || actor.kind !== 'user') throw new DomainError('FORBIDDEN', '只有登录用户可以查看和修改自己的账号');
  return getUser(db, actor.id);
}

/** 我的账号 as its holder sees it: the whole e-mail address. */
export function presentOwnAccount(u: repo.UserRecord, pending: AccountChange[] = []) {
  return {
    ...presentIdentity(u),
    email: u.email,
    reminderEmail: u.reminderEmail,
    lastLoginAt: u.lastLoginAt,
    pendingChanges: pending.map(presentPending),
  };
}

export async function getOwnAccount(db: Db, actor: Actor): Promise<repo.UserRecord> {
  return ownAccount(db, actor);
}

/** The user sets their own e-mail address and whether they want reminder e-mails. */
export async function updateOwnAccount(
  db: Db,
  actor: Actor,
  patch: { email?: string | null; reminderEmail?: boolean },
  clock: Clock,
): Promise<repo.UserRecord> {
  const user = await ownAccount(db, actor);
  const email = readEmail(patch.email);
  return db.transaction().execute(async (tx) => {
    await repo.updateUser(
      tx,
      user.id,
      {
        ...(email !== undefined ? { email } : {}),
        ...(patch.reminderEmail !== undefined ? { reminder_email: patch.reminderEmail ? 1 : 0 } : {}),
      },
      clock.now().toISOString(),
    );
    const nextEmail = email === undefined ? user.email : email;
    await recordAudit(
      tx,
      actor,
      {
        agencyId: user.agencyId,
        action: 'user.update_own',
        subjectType: 'user',
        subjectId: user.id,
        summary: `${user.username} 修改了自己的邮箱或提醒设置`,
        before: { email: user.email && maskEmail(user.email), reminderEmail: user.reminderEmail },
        after: { email: nextEmail && maskEmail(nextEmail), reminderEmail: patch.reminderEmail ?? user.reminderEmail },
      },
      clock,
    );
    return (await repo.findUserById(tx, user.id))!;
  });
}

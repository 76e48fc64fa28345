/**
 * Signing in and out, and turning a session cookie or an API token into an Actor.
 * Sessions live in the database, so several app nodes share them (DESIGN.md "Scale").
 * Only the sha256 of a session cookie or API token is stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { DomainError } from '../../domain/errors.ts';
import { formatChineseDateTime, type Clock } from '../../domain/time.ts';
import { systemActor, type Actor } from '../../policies/actor.ts';
import { actorForUser } from '../accounts/actor.ts';
import { DUMMY_HASH, verifyPassword } from '../accounts/password.ts';
import * as users from '../accounts/users.repository.ts';
import { recordAudit } from '../audit/audit.service.ts';
import * as sessions from './sessions.repository.ts';

export interface AuthSettings {
  lockoutThreshold: number;
  lockoutMinutes: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const randomToken = () => randomBytes(32).toString('base64url');

export interface LoginResult {
  /** The cookie value; only its hash is stored. */
  sessionToken: string;
  csrfToken: string;
  user: users.UserRecord;
  actor: Actor;
}

/**
 * Checks a username and password. Five wrong passwords in a row (setting) lock the account
 * for 15 minutes (setting); a locked account is refused even with the right password.
 */
export async function login(
  db: Db,
  input: { username: string; password: string; clientIp: string; userAgent: string },
  settings: AuthSettings,
  clock: Clock,
): Promise<LoginResult> {
  const now = clock.now();
  const user = await users.findUserByUsername(db, input.username.trim().toLowerCase());
  if (!user) {
    await verifyPassword(input.password, DUMMY_HASH); // same time as a real check
    throw new DomainError('INVALID_CREDENTIALS', '用户名或密码不正确');
  }
  const actor = { ...systemActor(`登录（${user.username}）`), clientIp: input.clientIp };
  if (user.lockedUntil && user.lockedUntil > now.toISOString()) {
    throw new DomainError(
      'ACCOUNT_LOCKED',
      `账号因多次输入错误密码已被锁定，请于 ${formatChineseDateTime(new Date(user.lockedUntil))} 后再试，或联系安全管理员解锁`,
      { lockedUntil: user.lockedUntil },
    );
  }
  const ok = await verifyPassword(input.password, user.passwordHash);
  if (!ok) {
    const failures = user.failedLogins + 1;
    const lock = failures >= settings.lockoutThreshold;
    const lockedUntil = lock ? new Date(now.getTime() + settings.lockoutMinutes * 60_000).toISOString() : null;
    await db.transaction().execute(async (tx) => {
      await users.updateUser(
        tx,
        user.id,
        lock ? { failed_logins: 0, locked_until: lockedUntil } : { failed_logins: failures },
        now.toISOString(),
      );
      await recordAudit(
        tx,
        actor,
        lock
          ? {
              agencyId: user.agencyId,
              action: 'auth.locked',
              subjectType: 'user',
              subjectId: user.id,
              summary: `账号 ${user.username} 连续 ${failures} 次密码错误，锁定至 ${formatChineseDateTime(new Date(lockedUntil!))}`,
            }
          : {
              agencyId: user.agencyId,
              action: 'auth.login_failed',
              subjectType: 'user',
              subjectId: user.id,
              summary: `账号 ${user.username} 密码错误（第 ${failures} 次）`,
            },
        clock,
      );
    });
    if (lock) {
      throw new DomainError(
        'ACCOUNT_LOCKED',
        `密码连续错误 ${failures} 次，账号已锁定至 ${formatChineseDateTime(new Date(lockedUntil!))}`,
        { lockedUntil },
      );
    }
    throw new DomainError('INVALID_CREDENTIALS', '用户名或密码不正确');
  }
  if (user.status !== 'active') throw new DomainError('ACCOUNT_DISABLED', '账号已停用，请联系本机关管理员');
  const sessionToken = randomToken();
  const csrfToken = randomToken();
  const iso = now.toISOString();
  await db.transaction().execute(async (tx) => {
    await sessions.insertSession(tx, {
      id: sha256(sessionToken),
      userId: user.id,
      csrfToken,
      createdAt: iso,
      lastSeenAt: iso,
      expiresAt: new Date(now.getTime() + settings.sessionMaxHours * 3_600_000).toISOString(),
      clientIp: input.clientIp,
      userAgent: input.userAgent,
    });
    await users.updateUser(tx, user.id, { failed_logins: 0, last_login_at: iso }, iso);
    await recordAudit(
      tx,
      { ...actor, id: user.id, name: user.displayName },
      {
        agencyId: user.agencyId,
        action: 'auth.login',
        subjectType: 'user',
        subjectId: user.id,
        summary: `${user.username} 登录`,
      },
      clock,
    );
  });
  const fresh = (await users.findUserById(db, user.id))!;
  return {
    sessionToken,
    csrfToken,
    user: fresh,
    actor: await actorForUser(db, fresh, { kind: 'user', scopes: null, clientIp: input.clientIp }),
  };
}

export interface SessionContext {
  sessionId: string;
  csrfToken: string;
  user: users.UserRecord;
  actor: Actor;
}

/**
 * The session behind a cookie, or null when unknown, expired (absolute limit) or idle too long.
 * Touches last_seen_at at most once a minute, to keep writes low under load.
 */
export async function resolveSession(
  db: Db,
  token: string,
  clientIp: string,
  settings: AuthSettings,
  clock: Clock,
): Promise<SessionContext | null> {
  const id = sha256(token);
  const session = await sessions.findSession(db, id);
  if (!session) return null;
  const now = clock.now();
  const idleLimit = new Date(new Date(session.lastSeenAt).getTime() + settings.sessionIdleMinutes * 60_000);
  if (session.expiresAt <= now.toISOString() || idleLimit <= now) {
    await sessions.deleteSession(db, id);
    return null;
  }
  const user = await users.findUserById(db, session.userId);
  if (!user || user.status !== 'active') return null;
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > 60_000)
    await sessions.touchSession(db, id, now.toISOString());
  return {
    sessionId: id,
    csrfToken: session.csrfToken,
    user,
    actor: await actorForUser(db, user, { kind: 'user', scopes: null, clientIp }),
  };
}

export async function logout(db: Db, ctx: SessionContext, clock: Clock): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await sessions.deleteSession(tx, ctx.sessionId);
    await recordAudit(
      tx,
      ctx.actor,
      {
        agencyId: ctx.user.agencyId,
        action: 'auth.logout',
        subjectType: 'user',
        subjectId: ctx.user.id,
        summary: `${ctx.user.username} 退出登录`,
      },
      clock,
    );
  });
}

export async function purgeExpiredSessions(db: Db, settings: AuthSettings, clock: Clock): Promise<number> {
  const now = clock.now();
  return sessions.deleteExpiredSessions(
    db,
    now.toISOString(),
    new Date(now.getTime() - settings.sessionIdleMinutes * 60_000).toISOString(),
  );
}

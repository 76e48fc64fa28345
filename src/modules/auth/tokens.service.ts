/**
 * API tokens for machine clients (a provincial platform, a 12345 hotline system): scoped to
 * read permissions, revocable, optionally expiring. The plaintext is shown once at creation;
 * only its sha256 is stored. A token acts with its creator's reach, narrowed to its scopes.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { DomainError, ValidationError } from '../../domain/errors.ts';
import type { Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize } from '../../policies/can.ts';
import { TOKEN_SCOPES } from '../../policies/permissions.ts';
import { actorForUser } from '../accounts/actor.ts';
import { findUserById } from '../accounts/users.repository.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { sha256 } from './auth.service.ts';
import * as repo from './tokens.repository.ts';

export type { TokenRecord } from './tokens.repository.ts';

export async function listTokens(db: Db, actor: Actor): Promise<repo.TokenRecord[]> {
  authorize(actor, 'tokens.manage');
  return repo.listTokens(db);
}

export async function createToken(
  db: Db,
  actor: Actor,
  input: { name: string; scopes: string[]; expiresAt?: string | null },
  clock: Clock,
) {
  authorize(actor, 'tokens.manage');
  if (!actor.id) throw new DomainError('FORBIDDEN', '令牌必须由具体账号创建');
  const errors: Record<string, string> = {};
  if (!input.name.trim()) errors.name = '请填写令牌名称（例如：省级平台数据交换）';
  const valid = TOKEN_SCOPES.map((s) => s.key as string);
  const unknown = input.scopes.filter((s) => !valid.includes(s));
  if (input.scopes.length === 0) errors.scopes = '至少选择一个权限范围';
  else if (unknown.length) errors.scopes = `未知的权限范围：${unknown.join('、')}`;
  if (input.expiresAt && !(new Date(input.expiresAt).getTime() > clock.now().getTime()))
    errors.expiresAt = '到期时间应晚于现在';
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const token = `gk_${randomBytes(32).toString('base64url')}`;
  const record: repo.TokenRecord = {
    id: randomUUID(),
    name: input.name.trim(),
    scopes: [...new Set(input.scopes)],
    userId: actor.id,
    createdAt: clock.now().toISOString(),
    expiresAt: input.expiresAt ? new Date(input.expiresAt).toISOString() : null,
    lastUsedAt: null,
    revokedAt: null,
  };
  await db.transaction().execute(async (tx) => {
    await repo.insertToken(tx, record, sha256(token));
    await recordAudit(
      tx,
      actor,
      {
        agencyId: actor.agencyId,
        action: 'token.create',
        subjectType: 'api_token',
        subjectId: record.id,
        summary: `创建 API 令牌“${record.name}”`,
        after: { scopes: record.scopes, expiresAt: record.expiresAt },
      },
      clock,
    );
  });
  return { token, item: record };
}

export async function revokeToken(db: Db, actor: Actor, id: string, clock: Clock): Promise<void> {
  authorize(actor, 'tokens.manage');
  const token = await repo.findTokenById(db, id);
  if (!token) throw new DomainError('NOT_FOUND', '令牌不存在');
  await db.transaction().execute(async (tx) => {
    await repo.revokeToken(tx, id, clock.now().toISOString());
    await recordAudit(
      tx,
      actor,
      {
        agencyId: actor.agencyId,
        action: 'token.revoke',
        subjectType: 'api_token',
        subjectId: id,
        summary: `吊销 API 令牌“${token.name}”`,
      },
      clock,
    );
  });
}

/** The actor behind a bearer token, or null when unknown, revoked, expired or its owner disabled. */
export async function resolveToken(db: Db, token: string, clientIp: string, clock: Clock): Promise<Actor | null> {
  const record = await repo.findTokenByHash(db, sha256(token));
  const now = clock.now().toISOString();
  if (!record || record.revokedAt || (record.expiresAt && record.expiresAt <= now)) return null;
  const user = await findUserById(db, record.userId);
  if (!user || user.status !== 'active') return null;
  // A token acts for its user: while the user's password must be changed, it does nothing either.
  if (user.mustChangePassword)
    throw new DomainError('PASSWORD_CHANGE_REQUIRED', '令牌所属账号须先登录控制台修改密码，之后令牌方可使用');
  if (!record.lastUsedAt || Date.parse(now) - Date.parse(record.lastUsedAt) > 60_000)
    await repo.markTokenUsed(db, record.id, now);
  const actor = await actorForUser(db, user, { kind: 'token', scopes: record.scopes, clientIp });
  return { ...actor, name: `${user.displayName}（令牌：${record.name}）` };
}

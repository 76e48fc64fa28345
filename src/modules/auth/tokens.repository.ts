import type { DbOrTx } from '../../db/database.ts';

export interface TokenRecord {
  id: string;
  name: string;
  scopes: string[];
  userId: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

type Row = {
  id: string;
  name: string;
  scopes: string;
  user_id: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
};

const toRecord = (r: Row): TokenRecord => ({
  id: r.id,
  name: r.name,
  scopes: JSON.parse(r.scopes) as string[],
  userId: r.user_id,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

export async function insertToken(db: DbOrTx, t: TokenRecord, tokenHash: string): Promise<void> {
  await db
    .insertInto('api_token')
    .values({
      id: t.id,
      name: t.name,
      token_hash: tokenHash,
      scopes: JSON.stringify(t.scopes),
      user_id: t.userId,
      created_at: t.createdAt,
      expires_at: t.expiresAt,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
}

export async function findTokenByHash(db: DbOrTx, tokenHash: string): Promise<TokenRecord | null> {
  const r = await db
    .selectFrom('api_token')
    .select(['id', 'name', 'scopes', 'user_id', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return r ? toRecord(r) : null;
}

export async function findTokenById(db: DbOrTx, id: string): Promise<TokenRecord | null> {
  const r = await db
    .selectFrom('api_token')
    .select(['id', 'name', 'scopes', 'user_id', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? toRecord(r) : null;
}

export async function listTokens(db: DbOrTx): Promise<TokenRecord[]> {
  const rows = await db
    .selectFrom('api_token')
    .select(['id', 'name', 'scopes', 'user_id', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'])
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toRecord);
}

export async function markTokenUsed(db: DbOrTx, id: string, at: string): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: at }).where('id', '=', id).execute();
}

export async function revokeToken(db: DbOrTx, id: string, at: string): Promise<void> {
  await db
    .updateTable('api_token')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

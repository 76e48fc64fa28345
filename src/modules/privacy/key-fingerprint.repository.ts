/** Where the encryption key's fingerprint is kept: one row of system_state. */
import type { DbOrTx } from '../../db/database.ts';

const KEY = 'encryption_key_fingerprint';

export async function readKeyFingerprint(db: DbOrTx): Promise<string | null> {
  const row = await db.selectFrom('system_state').select('value').where('key', '=', KEY).executeTakeFirst();
  return row?.value ?? null;
}

/** Stores the fingerprint unless one is there already (two nodes starting at once: the first wins). */
export async function insertKeyFingerprintIfAbsent(db: DbOrTx, fingerprint: string, now: string): Promise<void> {
  await db
    .insertInto('system_state')
    .values({ key: KEY, value: fingerprint, updated_at: now })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
}

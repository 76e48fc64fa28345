import type { DbOrTx } from '../../db/database.ts';

/**
 * Takes the named lock for `holder` until `expiresAt`, if it is free or expired (one upsert, the
 * same SQL on SQLite and PostgreSQL). Returns true when this holder now has it.
 */
export async function tryAcquire(
  db: DbOrTx,
  name: string,
  holder: string,
  now: string,
  expiresAt: string,
): Promise<boolean> {
  await db
    .insertInto('job_lock')
    .values({ name, holder, expires_at: expiresAt })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ holder, expires_at: expiresAt })
        .where((eb) => eb.or([eb('job_lock.expires_at', '<=', now), eb('job_lock.holder', '=', holder)])),
    )
    .execute();
  const row = await db.selectFrom('job_lock').select('holder').where('name', '=', name).executeTakeFirst();
  return row?.holder === holder;
}

export async function release(db: DbOrTx, name: string, holder: string): Promise<void> {
  await db.deleteFrom('job_lock').where('name', '=', name).where('holder', '=', holder).execute();
}

/**
 * The restore test of docs/operations.md (issue 15): a restored backup is only a backup if the key
 * kept apart from it still opens its personal data. Checks the key's fingerprint recorded in the
 * database, then decrypts every sealed value (identity numbers, phones, addresses, e-mails) with
 * the running key; `gongkai restore-check` adds `audit verify` against the anchors.
 */
import type { DbOrTx } from '../../db/database.ts';
import { DomainError } from '../../domain/errors.ts';
import { listSealedValues } from '../applications/applications.repository.ts';
import { keyFingerprint } from './key-fingerprint.ts';
import { readKeyFingerprint } from './key-fingerprint.repository.ts';
import type { PersonalDataCipher } from './personal-data.ts';

export interface SealedDataReport {
  /** 'match', 'mismatch', or 'absent' (no node has run against this database: nothing sealed yet). */
  fingerprint: 'match' | 'mismatch' | 'absent';
  applications: number;
  values: number;
  /** Tracking numbers of applications whose sealed data the key could not open (at most 20). */
  failed: string[];
  failedCount: number;
  ok: boolean;
}

/** Reads, never writes: a restored copy is checked as it is. */
export async function checkSealedData(
  db: DbOrTx,
  encryptionKey: string,
  cipher: PersonalDataCipher,
): Promise<SealedDataReport> {
  const stored = await readKeyFingerprint(db);
  const fingerprint = stored === null ? 'absent' : stored === keyFingerprint(encryptionKey) ? 'match' : 'mismatch';
  let applications = 0;
  let values = 0;
  let failedCount = 0;
  const failed: string[] = [];
  let after = '';
  for (;;) {
    const page = await listSealedValues(db, after, 1000);
    if (page.length === 0) break;
    for (const app of page) {
      applications += 1;
      let bad = false;
      for (const v of app.values) {
        values += 1;
        try {
          cipher.decrypt(v);
        } catch (err) {
          if (!(err instanceof DomainError)) throw err;
          bad = true;
        }
      }
      if (bad) {
        failedCount += 1;
        if (failed.length < 20) failed.push(app.trackingNumber);
      }
    }
    after = page.at(-1)!.id;
  }
  return {
    fingerprint,
    applications,
    values,
    failed,
    failedCount,
    ok: fingerprint !== 'mismatch' && failedCount === 0,
  };
}

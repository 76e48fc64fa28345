/**
 * A fingerprint of the personal-data key (GONGKAI_ENCRYPTION_KEY) kept in the database, so that
 * a node started with another key refuses to start instead of writing data that its siblings
 * cannot read and failing, record by record, on what they wrote (「密钥不符」). The fingerprint
 * is an HMAC under the key of a fixed label: it identifies the key and reveals nothing of it.
 */
import { createHmac } from 'node:crypto';
import { ConfigError, decodeKey } from '../../config/config.ts';
import type { Db } from '../../db/database.ts';
import type { Clock } from '../../domain/time.ts';
import { sealLegacyEmails } from './email-sealing.ts';
import { insertKeyFingerprintIfAbsent, readKeyFingerprint } from './key-fingerprint.repository.ts';
import { createPersonalDataCipher, type CryptoSuite } from './personal-data.ts';

export function keyFingerprint(encryptionKey: string): string {
  const key = decodeKey(encryptionKey, 'GONGKAI_ENCRYPTION_KEY');
  return createHmac('sha256', key).update('gongkai encryption key fingerprint v1').digest('hex').slice(0, 32);
}

/**
 * Records the key's fingerprint on first use and refuses (ConfigError naming the variable) a key
 * whose fingerprint differs from the recorded one. Call it after migrating, before serving.
 */
export async function checkKeyFingerprint(db: Db, encryptionKey: string, clock: Clock): Promise<void> {
  const mine = keyFingerprint(encryptionKey);
  await insertKeyFingerprintIfAbsent(db, mine, clock.now().toISOString());
  const stored = await readKeyFingerprint(db);
  if (stored !== null && stored !== mine) {
    throw new ConfigError(
      'GONGKAI_ENCRYPTION_KEY',
      '与本数据库加密个人信息所用的密钥不同（密钥指纹不符），已拒绝启动；请使用原来的密钥（所有节点须相同）',
    );
  }
}

/**
 * What every process does after migrating, before anything else: check the key, then seal with
 * it the personal data a migration could not (src/modules/privacy/email-sealing.ts).
 */
export async function prepareKeyedData(
  db: Db,
  keys: { encryptionKey: string; cryptoSuite: CryptoSuite },
  clock: Clock,
): Promise<{ emailsSealed: number }> {
  await checkKeyFingerprint(db, keys.encryptionKey, clock);
  const cipher = createPersonalDataCipher(keys.encryptionKey, keys.cryptoSuite);
  return { emailsSealed: await sealLegacyEmails(db, cipher, clock) };
}

/**
 * Embedded mode may generate the cookie secret and the personal-data key on first start and
 * keep them in `<dataDir>/secrets.json` (mode 0600), so a restart can still read what it
 * encrypted. Production mode never does this: loadConfig already refused to start without them.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type Config } from './config.ts';

export interface ResolvedSecrets {
  secret: string;
  encryptionKey: string;
  /** True when this call generated and stored new values. */
  generated: boolean;
}

export function resolveSecrets(config: Config): ResolvedSecrets {
  if (config.secret && config.encryptionKey) {
    return { secret: config.secret, encryptionKey: config.encryptionKey, generated: false };
  }
  if (config.env === 'production') {
    throw new Error('生产模式必须通过环境变量提供 GONGKAI_SECRET 和 GONGKAI_ENCRYPTION_KEY');
  }
  const file = join(config.dataDir, 'secrets.json');
  let stored: { secret?: string; encryptionKey?: string } = {};
  if (existsSync(file)) {
    try {
      stored = JSON.parse(readFileSync(file, 'utf8')) as typeof stored;
    } catch {
      throw new ConfigError('GONGKAI_DATA_DIR', `${file} 不是有效的 JSON；请从备份恢复（其中的密钥用于解密个人信息）`);
    }
  }
  let generated = false;
  if (!stored.secret || !stored.encryptionKey) {
    stored = {
      secret: stored.secret ?? randomBytes(32).toString('hex'),
      encryptionKey: stored.encryptionKey ?? randomBytes(32).toString('hex'),
    };
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
    generated = true;
  }
  return {
    secret: config.secret ?? stored.secret!,
    encryptionKey: config.encryptionKey ?? stored.encryptionKey!,
    generated,
  };
}

/**
 * Boots the runtime shared by `serve` and other commands: configuration, secrets, the
 * database (migrated), and — outside production, on an empty database — the demo data.
 */
import type { Config } from '../config/config.ts';
import { resolveSecrets } from '../config/secrets.ts';
import { restrictDataFiles } from '../config/file-modes.ts';
import { setChainAlgorithm } from '../domain/audit-chain.ts';
import { systemClock } from '../config/clock.ts';
import { openDatabase } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Clock } from '../domain/time.ts';
import { countAgencies } from '../modules/agencies/agencies.repository.ts';
import { loadDemo, type DemoCredentials } from '../modules/demo/demo.service.ts';
import { prepareKeyedData } from '../modules/privacy/key-fingerprint.ts';
import type { AppContext } from './context.ts';
import { hostname } from 'node:os';
import { AnchorWriter, anchorListener } from '../modules/audit/audit.anchors.ts';

export interface Runtime extends AppContext {
  /** Anchors the audit chain head of every committed change (src/modules/audit/audit.anchors.ts). */
  anchors: AnchorWriter;
  close(): Promise<void>;
}

export async function openRuntime(config: Config, clock: Clock = systemClock): Promise<Runtime> {
  restrictDataFiles(config);
  setChainAlgorithm(config.cryptoSuite === 'gm' ? 'sm3' : 'sha256');
  const secrets = resolveSecrets(config);
  // Each process is a node with its own anchor file; `audit verify` merges them.
  const anchors = new AnchorWriter(config.auditAnchorDir, `${hostname()}-${process.pid}`);
  const db: Db = openDatabase(config.database, {
    poolSize: config.databasePoolSize,
    onAuditCommit: anchorListener(anchors),
  });
  return {
    db,
    config,
    secret: secrets.secret,
    encryptionKey: secrets.encryptionKey,
    clock,
    anchors,
    close: async () => {
      await db.destroy();
      await anchors.close();
    },
  };
}

/** `npm start`: migrate, check the key's fingerprint, then load the demo platform if the database has no agency yet (never in production). */
export async function prepareDatabase(rt: Runtime): Promise<{ migrated: string[]; demo: DemoCredentials[] | null }> {
  const migrated = await migrateToLatest(rt.db);
  // Before anything is written with it: a node with another key refuses to start; then the
  // personal data left in plaintext by earlier releases is sealed with it.
  await prepareKeyedData(rt.db, { encryptionKey: rt.encryptionKey, cryptoSuite: rt.config.cryptoSuite }, rt.clock);
  let demo: DemoCredentials[] | null = null;
  if (rt.config.env !== 'production' && (await countAgencies(rt.db)) === 0) {
    demo = await loadDemo(rt.db, rt.clock, {
      passwordMinLength: rt.config.security.passwordMinLength,
      keys: { secret: rt.secret, encryptionKey: rt.encryptionKey },
    });
  }
  return { migrated, demo };
}

/** The demo accounts as a table for the terminal, printed once. */
export function formatDemoCredentials(creds: DemoCredentials[]): string {
  const lines = [
    '已载入演示数据。以下演示账号的密码只显示这一次，请妥善保存：',
    '',
    ...creds.map((c) => `  ${c.username.padEnd(16)} ${c.password}   ${c.displayName}，${c.agencyName}`),
    '',
  ];
  return lines.join('\n');
}

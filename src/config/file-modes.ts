/**
 * The data directory holds the SQLite database, its WAL, the generated secrets and the audit
 * anchors: personal data and keys. Only the service's own user may read it (issue 15: the SQLite
 * file was world-readable, 0644). New files are created private by the process's umask; files
 * from an older install are tightened at start.
 */
import { chmodSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.ts';

function tighten(path: string, mode: number): void {
  if (!existsSync(path)) return;
  if ((statSync(path).mode & 0o777 & ~mode) !== 0) chmodSync(path, mode);
}

/** umask 077, then the data directory 0700 and the database, its WAL and the secrets 0600. */
export function restrictDataFiles(config: Config): void {
  process.umask(0o077);
  tighten(config.dataDir, 0o700);
  tighten(join(config.dataDir, 'secrets.json'), 0o600);
  tighten(config.auditAnchorDir, 0o700);
  if (config.database.kind === 'sqlite' && config.database.file !== ':memory:') {
    for (const suffix of ['', '-wal', '-shm']) tighten(`${config.database.file}${suffix}`, 0o600);
  }
}

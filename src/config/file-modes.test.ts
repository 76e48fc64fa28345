import { mkdtempSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openRuntime } from '../server/runtime.ts';
import { loadConfig } from './config.ts';

const mode = (p: string) => statSync(p).mode & 0o777;
const umask = process.umask();
afterAll(() => void process.umask(umask));

// Issue 15: the SQLite file was world-readable (0644).
it('the data directory is 0700 and the database, its WAL and the secrets 0600, also for an older install', async () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'gongkai-modes-')), 'data');
  mkdirSync(dataDir, { mode: 0o755 });
  const file = join(dataDir, 'gongkai.db');
  writeFileSync(file, '', { mode: 0o644 });
  writeFileSync(join(dataDir, 'secrets.json'), '{}', { mode: 0o644 });
  const config = loadConfig({ GONGKAI_ENV: 'test', GONGKAI_DATA_DIR: dataDir, GONGKAI_DATABASE_URL: `sqlite:${file}` });
  const rt = await openRuntime(config);
  try {
    await rt.db.selectNoFrom((eb) => eb.lit(1).as('x')).execute();
    expect(mode(dataDir)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    expect(mode(join(dataDir, 'secrets.json'))).toBe(0o600);
    // Files made later (the WAL) are private through the umask.
    await rt.db.schema.createTable('t').addColumn('x', 'integer').execute();
    expect(mode(`${file}-wal`)).toBe(0o600);
  } finally {
    await rt.close();
  }
});

/**
 * docs/deploy/gongkai.service passes `systemd-analyze verify` (unknown keys, bad values, a
 * missing ExecStart binary) with /opt/gongkai pointed at this checkout, whose node_modules holds
 * the Node.js 24 the unit starts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ANALYZE = ['/usr/bin/systemd-analyze', '/bin/systemd-analyze'].find((p) => existsSync(p));
const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

it.skipIf(!ANALYZE)(
  `the systemd unit verifies (${ANALYZE ? 'systemd-analyze' : 'skipped: systemd-analyze not installed'})`,
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'gk-unit-'));
    try {
      const unit = readFileSync(new URL('../../docs/deploy/gongkai.service', import.meta.url), 'utf8');
      expect(unit).toContain('ExecStart=/opt/gongkai/node_modules/.bin/node /opt/gongkai/bin/gongkai.mjs serve');
      const file = join(dir, 'gongkai.service');
      writeFileSync(file, unit.replaceAll('/opt/gongkai', ROOT));
      const r = spawnSync(ANALYZE!, ['verify', file], { encoding: 'utf8' });
      // verify exits 0 on some complaints (an unknown key is "ignored"): any line about the unit fails.
      const complaints = r.stderr.split('\n').filter((l) => l.includes('gongkai.service'));
      expect(complaints).toEqual([]);
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);

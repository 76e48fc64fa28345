/**
 * Runs once before the test files: brings the built console (dist/admin) up to date for the
 * browser journeys, in one process, so parallel test files never race to build it.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const tool = fileURLToPath(new URL('../../tools/build/build.mjs', import.meta.url));
  const result = spawnSync(process.execPath, [tool, '--console', '--if-stale'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`console build failed (exit ${result.status})`);
}

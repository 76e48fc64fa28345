/**
 * Runs once before the test files: brings the built console (dist/admin) and the compiled server
 * (dist/server) up to date, in one process, so parallel test files never race to build them: the
 * browser journeys use the console, and tests that start `gongkai` in production mode need the
 * compiled code (production never runs TypeScript).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const tool = fileURLToPath(new URL('../../tools/build/build.mjs', import.meta.url));
  const result = spawnSync(process.execPath, [tool, '--if-stale'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`console build failed (exit ${result.status})`);
}

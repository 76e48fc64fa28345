/**
 * Building the admin console (管理后台) with Vite's JS API, for `gongkai build-admin` and for
 * the server's start command. The output goes to <repo>/dist/admin, which the server serves
 * under /admin/.
 *
 * The build is written to a staging folder first and then moved into place, so a server that
 * is already serving the console never sees a half-written or emptied dist/admin.
 */
import { readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** src/web/admin: everything the console is built from. */
const adminRoot = import.meta.dirname;
const repoRoot = path.resolve(adminRoot, '../../..');

/** Where the console's sources and build output live. */
export const adminPaths = {
  sourceRoot: adminRoot,
  outDir: path.join(repoRoot, 'dist/admin'),
  indexHtml: path.join(repoRoot, 'dist/admin/index.html'),
} as const;

/** Newest modification time (ms) of any file under `dir`, or 0 when the folder is empty. */
async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, await newestMtime(full));
    else if (entry.isFile()) newest = Math.max(newest, (await stat(full)).mtimeMs);
  }
  return newest;
}

/**
 * True when dist/admin/index.html exists and is newer than every file under src/web/admin,
 * so a pulled change to any source file (or to this build script) triggers a rebuild.
 */
export async function isAdminBuildFresh(): Promise<boolean> {
  let builtAt: number;
  try {
    builtAt = (await stat(adminPaths.indexHtml)).mtimeMs;
  } catch {
    return false;
  }
  return builtAt > (await newestMtime(adminPaths.sourceRoot));
}

/** Options for {@link buildAdmin}. */
export interface BuildAdminOptions {
  /** Vite's console output: 'info' lists every chunk, 'warn' only problems. Default 'info'. */
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
}

/** Builds the console into dist/admin, replacing the previous build only once the new one is complete. */
export async function buildAdmin(options: BuildAdminOptions = {}): Promise<void> {
  // Loaded on demand: the server's start path should not pay for Vite when the build is fresh.
  const [{ build }, { default: config }] = await Promise.all([import('vite'), import('./vite.config.ts')]);
  const staging = path.join(path.dirname(adminPaths.outDir), `.admin-build-${process.pid}`);
  const retired = path.join(path.dirname(adminPaths.outDir), `.admin-old-${process.pid}`);
  // Vite builds React and Ant Design in development mode whenever NODE_ENV=development is set
  // in the process (as a developer's shell or the server may have it). The console served to
  // users must always be the production build, so NODE_ENV is pinned for the build's duration.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      ...config,
      configFile: false,
      mode: 'production',
      logLevel: options.logLevel ?? 'info',
      build: { ...config.build, outDir: staging, emptyOutDir: true },
    });
    await swapInto(staging, retired);
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    await rm(staging, { recursive: true, force: true });
    await rm(retired, { recursive: true, force: true });
  }
}

/**
 * Moves the finished build to dist/admin. Two processes may build at the same moment (two app
 * nodes starting from one checkout): whichever lands first wins, and the other build is dropped.
 */
async function swapInto(staging: string, retired: string): Promise<void> {
  try {
    await rename(adminPaths.outDir, retired);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  try {
    await rename(staging, adminPaths.outDir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw err;
  }
}

/**
 * Builds the console unless an up-to-date build is already in dist/admin
 * (see {@link isAdminBuildFresh}). Called by `gongkai build-admin --if-missing` and at server start.
 */
export async function ensureAdminBuilt(options: BuildAdminOptions = {}): Promise<void> {
  if (await isAdminBuildFresh()) return;
  await buildAdmin(options);
}

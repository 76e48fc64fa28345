/**
 * Where the build reads and writes. Plain JavaScript: it runs before anything is compiled
 * (`npm ci` → `prepare`) and from bin/gongkai.mjs on every command.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (the folder holding package.json). */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const paths = {
  root,
  src: path.join(root, 'src'),
  dist: path.join(root, 'dist'),
  /** The server and CLI compiled to JavaScript, mirroring src/ (dist/server/cli/main.js …). */
  serverOut: path.join(root, 'dist/server'),
  /** The built admin console, served under /admin/. */
  consoleOut: path.join(root, 'dist/admin'),
  consoleSrc: path.join(root, 'src/web/admin'),
  /** What each build was made from: checked by freshness.mjs. */
  serverManifest: path.join(root, 'dist/server/.build.json'),
  consoleManifest: path.join(root, 'dist/admin/.build.json'),
  lockfile: path.join(root, 'package-lock.json'),
};

/**
 * Source files that are not part of the compiled server: the console (built by Vite), tests
 * and test-only helpers.
 */
export function isServerSource(relative) {
  const p = relative.split(path.sep).join('/');
  if (p.startsWith('web/admin/src/') || p === 'web/admin/vite.config.ts' || p === 'web/admin/index.html') return false;
  return !/\.test\.tsx?$/.test(p);
}

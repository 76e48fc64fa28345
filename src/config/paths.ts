/**
 * The project's own folders, found from this file whether it runs as source (src/config/) or
 * compiled (dist/server/config/): the nearest folder above that holds package.json.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`package.json not found above ${start}`);
  }
}

const root = findProjectRoot(import.meta.dirname);

/** Absolute paths of the project root, the built console and the build tool. */
export const projectPaths = {
  root,
  /** The admin console built by Vite (tools/build/build.mjs), served under /admin/. */
  adminDist: path.join(root, 'dist/admin'),
  /** The build tool: compiles the server, bundles the console (`npm run build`). */
  buildTool: path.join(root, 'tools/build/build.mjs'),
} as const;

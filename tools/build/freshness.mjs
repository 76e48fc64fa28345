/**
 * Is a build older than what it was made from? Each build writes a manifest of its inputs
 * (path, size, modification time); a build is fresh when every input still has the size and
 * time recorded and, for the server, no source file was added or removed. Comparing recorded
 * times (rather than "newer than the build") also catches a file restored to an older version.
 */
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isServerSource, paths } from './paths.mjs';

/**
 * Every server input: src/ minus the console and tests, plus the build settings and lockfile;
 * and the folders under src/, whose times change when a file is added, removed or renamed.
 */
export function serverInputs() {
  const files = [];
  const dirs = [paths.src];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (!isServerSource(path.relative(paths.src, full))) continue;
      if (entry.isDirectory()) {
        dirs.push(full);
        walk(full);
      } else if (entry.isFile()) files.push(full);
    }
  };
  walk(paths.src);
  files.push(path.join(paths.root, 'tsconfig.json'), path.join(paths.root, 'tsconfig.build.json'), paths.lockfile);
  return { files: files.sort(), dirs: dirs.sort() };
}

/** SHA-256 of a file's content: consulted only when its size or time differs from the record. */
function contentHash(file) {
  // Loaded only when needed: node:crypto would add a few ms to every command's start.
  const { createHash } = createRequire(import.meta.url)('node:crypto');
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The manifest entry of a folder: its time changes when its list of files does. */
export function describeDir(dir) {
  return { path: path.relative(paths.root, dir), mtimeMs: Math.trunc(statSync(dir).mtimeMs) };
}

/** The manifest entry of one file: what its freshness is judged by. */
export function describeFile(file) {
  const s = statSync(file);
  return {
    path: path.relative(paths.root, file),
    size: s.size,
    mtimeMs: Math.trunc(s.mtimeMs),
    sha256: contentHash(file),
  };
}

function readManifest(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Same size and time as recorded, or (a checkout touched it) the same content. */
function unchanged(recorded) {
  const file = path.join(paths.root, recorded.path);
  try {
    const s = statSync(file);
    if (s.size !== recorded.size) return false;
    return Math.trunc(s.mtimeMs) === recorded.mtimeMs || contentHash(file) === recorded.sha256;
  } catch {
    return false;
  }
}

/**
 * State of the compiled server: 'fresh', 'stale' (sources changed since), 'missing' (never
 * built) or 'release' (no src/ here: a release package, which is always used as built).
 */
export function serverBuildState() {
  const manifest = readManifest(paths.serverManifest);
  try {
    statSync(paths.src);
  } catch {
    return manifest ? 'release' : 'missing';
  }
  if (!manifest) return 'missing';
  if (!Array.isArray(manifest.inputs) || !Array.isArray(manifest.dirs)) return 'stale';
  // Listing the folders is the slow part (some 15 ms for src/): it is done only when a folder's
  // time says its list of files may have changed. Every recorded file is checked each time.
  if (!manifest.inputs.every(unchanged)) return 'stale';
  if (manifest.dirs.every(dirUnchanged)) return 'fresh';
  const now = serverInputs().files.map((f) => path.relative(paths.root, f));
  const recorded = manifest.inputs.map((i) => i.path);
  return now.length === recorded.length && now.every((f, i) => f === recorded[i]) ? 'fresh' : 'stale';
}

function dirUnchanged(recorded) {
  try {
    return Math.trunc(statSync(path.join(paths.root, recorded.path)).mtimeMs) === recorded.mtimeMs;
  } catch {
    return false;
  }
}

/** State of the built console: as serverBuildState, over the files Vite bundled. */
export function consoleBuildState() {
  const manifest = readManifest(paths.consoleManifest);
  if (!manifest) return 'missing';
  if (!Array.isArray(manifest.inputs)) return 'stale';
  try {
    statSync(paths.consoleSrc);
  } catch {
    return 'release';
  }
  return manifest.inputs.every(unchanged) ? 'fresh' : 'stale';
}

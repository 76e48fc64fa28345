/**
 * `gongkai bench NAME [options]` (`npm run bench -- NAME …`): runs bench/NAME.bench.ts of a source
 * checkout through tsx in a child process, passing the options on. Benchmarks measure and assert
 * nothing (docs/benchmarks.md); they are not part of a release, so production refuses.
 */
import type { Command } from 'commander';
import { CliExit, ExitCode } from '../exit.ts';

export function register(program: Command): void {
  program
    .command('bench')
    .description('运行性能测试 bench/NAME.bench.ts（源代码目录中；如 search、catalog、report），其余参数原样传给它')
    .argument('<name>', '测试名，如 search')
    .argument('[args...]', '传给该测试的参数，如 --seconds 10 --connections 16')
    .allowUnknownOption(true)
    .action(async (name: string, args: string[]) => {
      const { spawnSync } = await import('node:child_process');
      const { existsSync, readdirSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { fileURLToPath } = await import('node:url');
      const { dirname } = await import('node:path');
      // The checkout's root: the first folder above this file (src/… or dist/server/…) with bench/ in it.
      let root = dirname(fileURLToPath(import.meta.url));
      while (!existsSync(join(root, 'bench')) && dirname(root) !== root) root = dirname(root);
      const dir = join(root, 'bench');
      const file = join(dir, `${name}.bench.ts`);
      if (!/^[a-z0-9-]+$/.test(name) || !existsSync(file)) {
        const names = existsSync(dir)
          ? readdirSync(dir)
              .filter((f) => f.endsWith('.bench.ts'))
              .map((f) => f.replace(/\.bench\.ts$/, ''))
          : [];
        throw new CliExit(
          ExitCode.Usage,
          names.length ? `没有性能测试“${name}”。可用：${names.join('、')}` : '性能测试只在源代码目录中提供（bench/）',
        );
      }
      const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...args], { stdio: 'inherit', cwd: root });
      if (r.status !== 0) throw new CliExit(ExitCode.Failure);
    });
}

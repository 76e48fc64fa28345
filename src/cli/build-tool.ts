/**
 * Runs the build tool (tools/build/build.mjs) in a child process: Vite and Rollup leave some
 * 600 MB of heap behind, which would otherwise stay in a server's resident memory for its whole
 * life (docs/benchmarks.md), and the tool is plain JavaScript that needs no compiled code.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { projectPaths } from '../config/paths.ts';
import { CliExit, ExitCode } from './exit.ts';

/** True in a source checkout (the build tool is there); false in a release package. */
export function canBuild(): boolean {
  return existsSync(projectPaths.buildTool) && existsSync(`${projectPaths.root}/src`);
}

/** Runs `node tools/build/build.mjs ARGS…`, failing with the tool's exit code. */
export async function runBuildTool(args: readonly string[]): Promise<void> {
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [projectPaths.buildTool, ...args], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) throw new CliExit(ExitCode.Failure, `构建失败（退出码 ${code}）`);
}

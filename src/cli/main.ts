/**
 * `gongkai` command line. Each command lives in src/cli/commands/<name>.ts and exports
 * `register(program)`; src/cli/commands/index.ts lists them.
 *
 * Exit codes (docs/cli.md): 0 ok · 1 other failure · 2 usage error · 3 data or coverage problem
 * (e.g. a calendar year not loaded, a file that is not a report).
 */
import { Command, CommanderError } from 'commander';
import { DomainError, ValidationError } from '../domain/errors.ts';
import { commands } from './commands/index.ts';
import { ExitCode, CliExit } from './exit.ts';
import { operatorProblem } from './operator-errors.ts';

/** Domain error codes that mean "the data does not cover this", mapped to exit code 3. */
const DATA_PROBLEM_CODES = new Set(['CALENDAR_NOT_LOADED', 'NOT_A_REPORT', 'DATA_INVALID', 'NOT_FOUND']);

export function buildProgram(): Command {
  const program = new Command('gongkai')
    .description('Gongkai（公开）政府信息公开平台')
    .exitOverride()
    // A command's options belong to it, not to the command above (`report batch --year` is batch's).
    .enablePositionalOptions()
    .showHelpAfterError('（用 --help 查看用法）')
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });
  for (const register of commands) register(program);
  return program;
}

/** Runs the CLI and returns the exit code instead of calling process.exit, so tests can call it. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    // Commands fail by throwing (CliExit, DomainError, …); process.exitCode is not theirs to read,
    // since anything else in the process may have set it.
    return ExitCode.Ok;
  } catch (err) {
    if (err instanceof CliExit) {
      if (err.message) process.stderr.write(err.message.endsWith('\n') ? err.message : `${err.message}\n`);
      return err.exitCode;
    }
    if (err instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return err.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
    }
    if (err instanceof ValidationError && Object.keys(err.fields).length > 1) {
      // Every problem at once, so the operator fixes them in one go.
      process.stderr.write(`错误：${Object.values(err.fields).join('；')}\n`);
      return ExitCode.Failure;
    }
    if (err instanceof DomainError) {
      process.stderr.write(`错误：${err.message}\n`);
      return DATA_PROBLEM_CODES.has(err.code) ? ExitCode.Data : ExitCode.Failure;
    }
    const problem = operatorProblem(err);
    if (problem) {
      process.stderr.write(`错误：${problem}\n`);
      return ExitCode.Failure;
    }
    process.stderr.write(`错误：${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return ExitCode.Failure;
  }
}

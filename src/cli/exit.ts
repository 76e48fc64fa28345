/** Exit codes of the `gongkai` command (documented in docs/cli.md). */
export const ExitCode = { Ok: 0, Failure: 1, Usage: 2, Data: 3 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Thrown by a command to end with a given exit code and an optional message on stderr. */
export class CliExit extends Error {
  constructor(
    readonly exitCode: ExitCode,
    message = '',
  ) {
    super(message);
  }
}

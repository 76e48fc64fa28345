/**
 * Reading passwords for `gongkai init` and `gongkai user reset-password`: hidden prompts on a
 * terminal, or one password per line on standard input (`--password-stdin`), so a password
 * never appears in the command line, the shell history or `ps`.
 */
import { CliExit, ExitCode } from './exit.ts';

/** Reads all of standard input and returns its lines (a trailing newline ends the last one). */
export async function readStdinLines(): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** `count` passwords from standard input, one per line; anything else is a usage error. */
export async function passwordsFromStdin(count: number, labels: readonly string[]): Promise<string[]> {
  const lines = await readStdinLines();
  if (lines.length !== count) {
    throw new CliExit(
      ExitCode.Usage,
      `--password-stdin 需要从标准输入读取 ${count} 行密码（依次为${labels.join('、')}），实际读到 ${lines.length} 行`,
    );
  }
  return lines;
}

/** Asks once on the terminal without echoing what is typed. */
function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let value = '';
    // Echo off before the prompt shows: an answer typed the moment the prompt appears must not be
    // echoed by the terminal in the instant before raw mode takes effect.
    stdin.setRawMode(true);
    process.stderr.write(prompt);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (err: Error | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(null);
        if (ch === '\u0003') return done(new CliExit(ExitCode.Failure, '已取消，未做任何改动'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/**
 * Asks for a new password twice on the terminal until both entries agree and `problem` (the
 * password policy) accepts it.
 */
export async function promptNewPassword(label: string, problem: (password: string) => string | null): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new CliExit(ExitCode.Usage, '标准输入不是终端：请加 --password-stdin，从标准输入每行提供一个密码');
  }
  for (;;) {
    const first = await askHidden(`${label}的密码：`);
    const bad = problem(first);
    if (bad) {
      process.stderr.write(`${bad}，请重新输入\n`);
      continue;
    }
    const second = await askHidden(`再次输入${label}的密码：`);
    if (first === second) return first;
    process.stderr.write('两次输入不一致，请重新输入\n');
  }
}

/** Asks for a line of text on the terminal (echoed), with a default shown in brackets. */
export async function promptLine(question: string, fallback?: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = (await rl.question(fallback ? `${question}（默认 ${fallback}）：` : `${question}：`)).trim();
    return answer || fallback || '';
  } finally {
    rl.close();
  }
}

/** Runs the `gongkai` CLI in-process (src/cli/main.ts) and captures what it writes. */
import { vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

/**
 * The settings of a production install for a `gongkai` child process: fixed secret and key, the
 * database at `databaseUrl`, the data directory `dataDir`, no log lines.
 */
export function productionEnv(databaseUrl: string, dataDir: string): Record<string, string> {
  return {
    GONGKAI_ENV: 'production',
    GONGKAI_SECRET: 'c0ffee1234567890abcdefABCDEF0987654321',
    GONGKAI_ENCRYPTION_KEY: '5a'.repeat(16) + '3c'.repeat(16),
    GONGKAI_DATABASE_URL: databaseUrl,
    GONGKAI_DATA_DIR: dataDir,
    GONGKAI_LOG_LEVEL: 'silent',
  };
}

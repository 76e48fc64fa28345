/** Opens the configured runtime for a CLI command and always closes it. */
import { loadConfig } from '../config/config.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { openRuntime, type Runtime } from '../server/runtime.ts';

export async function withRuntime<T>(
  fn: (rt: Runtime) => Promise<T>,
  options: { migrate?: boolean } = { migrate: true },
): Promise<T> {
  const rt = await openRuntime(loadConfig());
  try {
    if (options.migrate !== false) {
      await migrateToLatest(rt.db);
      const { prepareKeyedData } = await import('../modules/privacy/key-fingerprint.ts');
      await prepareKeyedData(rt.db, { encryptionKey: rt.encryptionKey, cryptoSuite: rt.config.cryptoSuite }, rt.clock);
    }
    return await fn(rt);
  } finally {
    await rt.close();
  }
}

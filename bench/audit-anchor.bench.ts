/**
 * What anchoring every committed change costs (issue 15; docs/benchmarks.md "Audit anchors"):
 * audited transactions on SQLite, with and without the anchor writer (fsync'ed group commit),
 * sequential and with 16 in flight. Run: `npx tsx bench/audit-anchor.bench.ts [count]`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { systemClock } from '../src/config/clock.ts';
import { systemActor } from '../src/policies/actor.ts';
import { recordAudit } from '../src/modules/audit/audit.service.ts';
import { AnchorWriter, anchorListener } from '../src/modules/audit/audit.anchors.ts';

const count = Number(process.argv[2] ?? 3000);

async function run(anchored: boolean, inFlight: number) {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-anchor-bench-'));
  const writer = new AnchorWriter(join(dir, 'anchors'), 'bench');
  const db = openDatabase(
    { kind: 'sqlite', file: join(dir, 'b.db') },
    anchored ? { onAuditCommit: anchorListener(writer) } : {},
  );
  await migrateToLatest(db);
  const actor = systemActor('bench');
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < count) {
        const i = next++;
        await db
          .transaction()
          .execute((tx) =>
            recordAudit(
              tx,
              actor,
              { agencyId: `a${i % 8}`, action: 'bench', subjectType: 'x', subjectId: String(i), summary: '基准' },
              systemClock,
            ),
          );
      }
    }),
  );
  const ms = performance.now() - start;
  await db.destroy();
  await writer.close();
  return { perSecond: Math.round((count / ms) * 1000), meanMs: +(ms / count).toFixed(3) };
}

for (const inFlight of [1, 16]) {
  const off = await run(false, inFlight);
  const on = await run(true, inFlight);
  console.log(
    `in flight ${inFlight}: without anchors ${off.perSecond}/s (${off.meanMs} ms), with anchors ${on.perSecond}/s (${on.meanMs} ms)`,
  );
}

/**
 * Where the time goes in one search (the "profile" for docs/benchmarks.md): for each word of the
 * benchmark's query mix, the number of matching items and the time of the two statements the
 * search runs — the total count and the first page (ranked, and by date) — issued directly.
 *
 *   GONGKAI_DATABASE_URL=… npx tsx bench/catalog-queries.bench.ts
 */
import { loadConfig } from '../src/config/config.ts';
import { openDatabase } from '../src/db/connect.ts';
import { findPublic } from '../src/modules/search/search.repository.ts';
import { COMMON_WORDS, SELECTIVE_WORDS } from '../src/modules/synth/text.ts';

const db = openDatabase(loadConfig().database, { poolSize: 2 });
const nowIso = new Date().toISOString();
const base = { nowIso, today: nowIso.slice(0, 10), limit: 20, offset: 0 };
async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
}
console.log('| 词 | 匹配条数 | 相关度排序首页 (ms) | 日期排序首页 (ms) |\n|---|---|---|---|');
for (const w of [...SELECTIVE_WORDS.slice(0, 4), ...COMMON_WORDS]) {
  await findPublic(db, { ...base, words: [w], order: 'date' }); // warm the cache
  const [rel, tRel] = await time(() => findPublic(db, { ...base, words: [w], order: 'relevance' }));
  const [, tDate] = await time(() => findPublic(db, { ...base, words: [w], order: 'date' }));
  console.log(`| ${w} | ${rel.total}${rel.totalExact ? '' : ' 以上'} | ${tRel.toFixed(0)} | ${tDate.toFixed(0)} |`);
}
const [list, tList] = await time(async () =>
  findPublic(db, {
    ...base,
    words: [],
    order: 'date',
    agency: {
      id: (await db.selectFrom('catalog_item').select('agency_id').limit(1).executeTakeFirstOrThrow()).agency_id,
      subtree: false,
    },
    statutoryItem: 'a20.15',
  }),
);
console.log(`\n目录列表（一个机构、一个事项）：${list.total} 条，${tList.toFixed(1)} ms`);
await db.destroy();

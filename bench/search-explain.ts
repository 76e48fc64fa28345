/**
 * The plan of one search statement, with buffers (the profile behind docs/benchmarks.md, 检索):
 *
 *   GONGKAI_DATABASE_URL=… npx tsx bench/search-explain.ts 通知 [relevance|date]
 */
import { loadConfig } from '../src/config/config.ts';
import { dialectOf, openDatabase } from '../src/db/connect.ts';
import { publicQueryStatement } from '../src/modules/search/public-search.repository.ts';
import { queryWords } from '../src/modules/search/segment.ts';

const db = openDatabase(loadConfig().database, { poolSize: 1 });
const nowIso = new Date().toISOString();
const order = (process.argv[3] ?? 'relevance') as 'date' | 'relevance';
const q = { nowIso, today: nowIso.slice(0, 10), limit: 20, offset: 0, words: queryWords(process.argv[2] ?? ''), order };
const statement = (await publicQueryStatement(db, q))!;
const { sql: text, parameters } = statement.compile(db);
await statement.execute(db); // warm
const pg = dialectOf(db) === 'postgres';
const executor = db.getExecutor();
const r = await executor.provideConnection((c) =>
  c.executeQuery({
    sql: `${pg ? 'explain (analyze, buffers)' : 'explain query plan'} ${text}`,
    parameters,
    query: statement.toOperationNode(),
  } as never),
);
for (const row of r.rows as Array<Record<string, unknown>>)
  console.log(pg ? row['QUERY PLAN'] : `${row.id} ${row.parent} ${row.detail}`);
await db.destroy();

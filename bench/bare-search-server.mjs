// The bare baseline of bench/search.bench.ts: node:http and the database driver alone (pg or
// better-sqlite3), running the statements the product runs for each query — compiled by the
// benchmark beforehand — and answering with the rows as JSON. No framework, no query builder,
// no rendering: what the database and the driver cost.
//
//   node bench/bare-search-server.mjs STATEMENTS.json PORT DATABASE_URL
import { readFileSync } from 'node:fs';
import http from 'node:http';

const [file, port, url] = process.argv.slice(2);
const statements = JSON.parse(readFileSync(file, 'utf8'));
let run;
if (url.startsWith('postgres')) {
  const { default: pg } = await import('pg');
  pg.types.setTypeParser(20, (v) => Number(v));
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  run = async (s) => (await pool.query(s.sql, s.parameters)).rows;
} else {
  const { default: Database } = await import('better-sqlite3');
  const db = new Database(url.replace(/^sqlite:/, ''), { readonly: true });
  const prepared = new Map();
  run = async (s) => {
    let st = prepared.get(s.sql);
    if (!st) prepared.set(s.sql, (st = db.prepare(s.sql)));
    return st.all(...s.parameters);
  };
}
http
  .createServer(async (req, res) => {
    const s = statements[new URL(req.url, 'http://x').searchParams.get('q') ?? ''];
    if (!s) {
      res.writeHead(404).end();
      return;
    }
    try {
      const rows = await run(s);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(rows));
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  })
  .listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));

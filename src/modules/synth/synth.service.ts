/**
 * `gongkai synth`: a synthetic platform for benchmarks — an agency tree (省 → 市 → 区县 → 部门/乡镇)
 * and published catalog items whose titles and bodies read like government documents.
 *
 * Extending it: a feature writes a SynthStep (synth.types.ts) and adds it to the list in
 * synth.steps.ts (one line, e.g. applications after the catalog). A step receives the context — database, seeded PRNG, the generated agencies, the
 * requested counts (`counts.applications`, …) and a progress callback — and writes in bulk.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { CatalogItemTable } from '../../db/tables/catalog.ts';
import type { AgencyTable } from '../../db/tables/foundation.ts';
import { ARTICLE_20_ITEMS, catalogDue, DOC_TYPES } from '../../domain/catalog/index.ts';
import { DomainError } from '../../domain/errors.ts';
import * as agencies from '../agencies/agencies.repository.ts';
import { analyzeAfterBulkLoad, insertBatch, maxSerialsByAgency } from '../catalog/import.repository.ts';
import { plainText } from '../catalog/sanitize.ts';
import { itemWords } from '../search/segment.ts';
import { body, pick, rng, title } from './text.ts';
import type { SynthAgency, SynthContext, SynthStep } from './synth.types.ts';

const COUNTIES = ['丰泽', '鲤城', '洛江', '泉港', '石狮', '晋江', '南安', '惠安', '安溪', '永春', '德化'];
const DEPTS = [
  '发展和改革局',
  '教育局',
  '科技局',
  '工业和信息化局',
  '公安局',
  '民政局',
  '司法局',
  '财政局',
  '人力资源和社会保障局',
  '自然资源局',
  '生态环境局',
  '住房和城乡建设局',
  '交通运输局',
  '水利局',
  '农业农村局',
  '商务局',
  '文化和旅游局',
  '卫生健康委员会',
  '应急管理局',
  '审计局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '信访局',
];

/** Step 1: the agency tree, `counts.agencies` in total (1 province, 10 cities, 10 counties each, the rest departments and townships). */
export const agenciesStep: SynthStep = {
  name: 'agencies',
  async run(ctx) {
    const total = Math.max(ctx.counts.agencies ?? 5000, 3);
    const now = ctx.clock.now().toISOString();
    const rows: AgencyTable[] = [];
    const add = (parent: string | null, name: string, short: string, level: AgencyTable['level']) => {
      const id = randomUUID();
      rows.push({
        id,
        parent_id: parent,
        name,
        short_name: short,
        code: `synth-${rows.length + 1}`,
        level,
        makes_rules: level === 'province' || level === 'city' ? 1 : 0,
        contact_address: `${name}办公楼`,
        contact_postcode: '',
        contact_hours: '工作日 8:00—12:00，14:30—17:30',
        contact_phone: '',
        contact_fax: '',
        contact_email: '',
        created_at: now,
        updated_at: now,
      });
      return id;
    };
    const province = add(null, '合成省人民政府', '合成省政府', 'province');
    const cities = Array.from({ length: Math.min(10, total - 1) }, (_, i) =>
      add(province, `合成第${i + 1}市人民政府`, `合成${i + 1}市`, 'city'),
    );
    const counties = cities.flatMap((c, i) =>
      Array.from({ length: 10 }, (_, j) =>
        rows.length < total
          ? add(
              c,
              `合成${i + 1}市${pick(ctx.random, COUNTIES)}${j + 1}区人民政府`,
              `${pick(ctx.random, COUNTIES)}${j + 1}区`,
              'county',
            )
          : null,
      ).filter((x) => x !== null),
    ) as string[];
    for (let k = 0; rows.length < total; k++) {
      const county = counties[k % counties.length] ?? cities[0]!;
      const dept = k % 5 === 4 ? null : DEPTS[Math.floor(k / counties.length) % DEPTS.length]!;
      add(
        county,
        dept
          ? `合成区县${k % counties.length}${dept}（${Math.floor(k / (counties.length * DEPTS.length)) + 1}）`
          : `合成第${k}镇人民政府`,
        dept ? dept.slice(0, 6) : `第${k}镇`,
        dept ? 'department' : 'township',
      );
    }
    await agencies.insertAgencyRows(ctx.db, rows);
    ctx.agencies.push(...rows.map((r) => ({ id: r.id, code: r.code, shortName: r.short_name, level: r.level })));
    ctx.progress('agencies', rows.length, total);
  },
};

/** Step 2: `counts.items` published catalog items spread over the agencies and 2015–2025, indexed for search. */
export const catalogStep: SynthStep = {
  name: 'catalog',
  async run(ctx) {
    const total = ctx.counts.items ?? 1_000_000;
    const batch = 2000;
    // Continue each agency's 索引号 serials when the database already holds items (a second run).
    const serials = await maxSerialsByAgency(ctx.db);
    for (let done = 0; done < total; done += batch) {
      const now = ctx.clock.now().toISOString();
      const items: CatalogItemTable[] = [];
      for (let k = 0; k < Math.min(batch, total - done); k++) {
        const r = ctx.random;
        const a = ctx.agencies[Math.floor(r() * ctx.agencies.length)]!;
        const year = 2015 + Math.floor(r() * 11);
        const formed = `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
        const published = new Date(Date.parse(formed) + Math.floor(r() * 30) * 86_400_000).toISOString().slice(0, 10);
        const key = `${a.id}:${year}`;
        const serial = (serials.get(key) ?? 0) + 1;
        serials.set(key, serial);
        const docType =
          r() < 0.05
            ? 'normative'
            : pick(
                r,
                DOC_TYPES.filter((t) => t !== 'rule' && t !== 'normative'),
              );
        const bodyHtml = body(r);
        const due = catalogDue(ctx.calendar, { formedOn: formed, special: null });
        items.push({
          id: randomUUID(),
          agency_id: a.id,
          interprets_id: null,
          video_url: null,
          qa_json: null,
          index_no: `${a.code}/${year}-${String(serial).padStart(5, '0')}`,
          index_year: year,
          index_serial: serial,
          title: title(r, a.shortName, year),
          doc_number: '',
          publisher: a.shortName,
          statutory_item: pick(r, ARTICLE_20_ITEMS).key,
          category_id: null,
          doc_type: docType,
          summary: '',
          body_html: bodyHtml,
          body_text: plainText(bodyHtml),
          formed_on: formed,
          special_days: null,
          special_basis: null,
          due_on: due.due,
          due_explanation: due.explanation,
          due_provisional: due.provisional ? 1 : 0,
          status: 'published',
          published_at: `${published}T01:00:00.000Z`,
          published_on: published,
          search_key: null,
          withdrawn_on: null,
          withdraw_reason: null,
          effective_on: null,
          ended_as: null,
          ended_on: null,
          replaces_id: null,
          author_id: null,
          author_name: '合成数据',
          version: 1,
          created_at: now,
          updated_at: now,
        });
      }
      const words = new Map(
        items.map((i) => [
          i.id,
          itemWords({ title: i.title, docNumber: i.doc_number, summary: i.summary, bodyText: i.body_text }),
        ]),
      );
      const events = items.map((i) => ({
        item_id: i.id,
        step: 'import',
        result: 'done',
        opinion: '合成数据',
        actor_id: null,
        actor_name: '合成数据',
        at: now,
        before_json: null,
        version: 1,
      }));
      await ctx.db.transaction().execute((tx) => insertBatch(tx, { items, events, attachments: [], words }));
      ctx.progress('catalog', done + items.length, total);
    }
    await analyzeAfterBulkLoad(ctx.db);
  },
};

/** Runs the given steps in order (all, or those named in `only`); synth.steps.ts composes the platform's list. */
export async function runSynth(
  ctx: Omit<SynthContext, 'agencies'>,
  steps: readonly SynthStep[],
  only?: string[],
): Promise<SynthContext> {
  const full: SynthContext = { ...ctx, agencies: [] };
  for (const step of steps) {
    if (only && !only.includes(step.name)) continue;
    // A later step run on its own (`--only catalog`) works on the agencies already in the database.
    if (step !== agenciesStep && full.agencies.length === 0) full.agencies.push(...(await existingAgencies(ctx.db)));
    if (step !== agenciesStep && full.agencies.length === 0)
      throw new DomainError('VALIDATION_FAILED', '数据库中还没有机构：先运行 synth 的 agencies 步骤');
    await step.run(full);
  }
  return full;
}

async function existingAgencies(db: Db): Promise<SynthAgency[]> {
  return (await agencies.findAll(db)).map((a) => ({ id: a.id, code: a.code, shortName: a.shortName, level: a.level }));
}

export { rng };
export type { SynthAgency, SynthContext, SynthStep };

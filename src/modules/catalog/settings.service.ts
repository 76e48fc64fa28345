/**
 * The column's settings: the agency's own categories (第二十二条 主动公开目录), the 索引号 scheme,
 * the editable sections of the 政府信息公开指南 (第十二条) and the 政府信息公开制度 page.
 */
import { randomUUID } from 'node:crypto';
import type { Db, DbOrTx } from '../../db/database.ts';
import {
  DEFAULT_INDEX_SCHEME,
  describeIndexScheme,
  parseAgencyCode,
  statutoryItem,
  validateIndexScheme,
  type AgencyCategory,
} from '../../domain/catalog/index.ts';
import { DomainError, ValidationError } from '../../domain/errors.ts';
import type { Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize } from '../../policies/can.ts';
import * as agencies from '../agencies/agencies.repository.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { sanitizeBody, cleanText } from './sanitize.ts';
import * as repo from './settings.repository.ts';

import { GUIDE_SECTIONS, type GuideSection } from '../../domain/catalog/index.ts';
export { GUIDE_SECTIONS, type GuideSection };

export interface CatalogSettings {
  agencyId: string;
  indexScheme: string;
  /** The agency's 统一社会信用代码 or 组织机构代码 for its 索引号; '' = not set yet. */
  orgCode: string;
  /** What {code} stands for in new 索引号: orgCode, or the platform code until one is set. */
  indexCode: string;
  /** What indexCode is, in words: 统一社会信用代码 / 组织机构代码 / 在本平台的机构代码. */
  indexCodeLabel: string;
  /** The 索引号 rule in words, as the 指南 states it. */
  indexRule: string;
  guide: Partial<Record<GuideSection, string>>;
  rulesHtml: string;
}

/** The settings in force for an agency (defaults when none were saved). */
export async function settingsFor(db: DbOrTx, agencyId: string): Promise<CatalogSettings> {
  const saved = await repo.findSettings(db, agencyId);
  const agency = await agencies.findById(db, agencyId);
  const indexScheme = saved?.indexScheme ?? DEFAULT_INDEX_SCHEME;
  return {
    agencyId,
    indexScheme,
    orgCode: saved?.orgCode ?? '',
    ...indexCodeOf(saved?.orgCode ?? '', agency?.code ?? agencyId, indexScheme),
    guide: saved?.guide ?? {},
    rulesHtml: saved?.rulesHtml ?? '',
  };
}

/**
 * The code in new 索引号 and the rule in words. A checked 统一社会信用代码 or 组织机构代码 when
 * set; until then (and for a code saved before codes were checked) the platform code, so an
 * agency can publish from its first day.
 */
function indexCodeOf(orgCode: string, platformCode: string, scheme: string) {
  const parsed = orgCode ? parseAgencyCode(orgCode) : null;
  const code = parsed && typeof parsed !== 'string' ? parsed : null;
  const indexCode = code?.value ?? (orgCode || platformCode);
  const indexCodeLabel = code?.label ?? '在本平台的机构代码';
  return { indexCode, indexCodeLabel, indexRule: describeIndexScheme(scheme, indexCode, indexCodeLabel) };
}

export interface SettingsInput {
  indexScheme?: string;
  orgCode?: string;
  guide?: Partial<Record<GuideSection, string>>;
  rulesHtml?: string;
}

/** Saves settings (sanitizing the HTML parts), audited. */
export async function saveSettings(
  db: Db,
  actor: Actor,
  agencyId: string,
  input: SettingsInput,
  clock: Clock,
): Promise<CatalogSettings> {
  authorize(actor, 'catalog.settings', { agencyId });
  const before = await settingsFor(db, agencyId);
  const indexScheme = input.indexScheme?.trim() ?? before.indexScheme;
  const problem = validateIndexScheme(indexScheme);
  if (problem) throw new ValidationError({ indexScheme: problem });
  let orgCode = before.orgCode;
  if (input.orgCode !== undefined && cleanText(input.orgCode) !== before.orgCode) {
    const text = cleanText(input.orgCode);
    const parsed = text ? parseAgencyCode(text) : '';
    if (typeof parsed === 'string' && parsed) throw new ValidationError({ orgCode: `机构代码${parsed}` });
    orgCode = typeof parsed === 'string' ? '' : parsed.value;
  }
  const agency = await agencies.findById(db, agencyId);
  const next: CatalogSettings = {
    agencyId,
    indexScheme,
    orgCode,
    ...indexCodeOf(orgCode, agency?.code ?? agencyId, indexScheme),
    guide: { ...before.guide },
    rulesHtml: input.rulesHtml !== undefined ? sanitizeBody(input.rulesHtml) : before.rulesHtml,
  };
  for (const [k, v] of Object.entries(input.guide ?? {})) {
    if (!(GUIDE_SECTIONS as readonly string[]).includes(k))
      throw new ValidationError({ [`guide.${k}`]: '指南没有这一部分' });
    if (v.trim()) next.guide[k as GuideSection] = sanitizeBody(v);
    else delete next.guide[k as GuideSection];
  }
  return db.transaction().execute(async (tx) => {
    const now = clock.now().toISOString();
    await repo.saveSettings(tx, {
      agency_id: agencyId,
      index_scheme: next.indexScheme,
      org_code: next.orgCode,
      guide_json: JSON.stringify(next.guide),
      rules_html: next.rulesHtml,
      updated_at: now,
    });
    await recordAudit(
      tx,
      actor,
      {
        agencyId,
        action: 'catalog.settings',
        subjectType: 'catalog_settings',
        subjectId: agencyId,
        summary: '修改政府信息公开专栏设置',
        before,
        after: next,
      },
      clock,
    );
    return next;
  });
}

/** The agency's categories. */
export async function categoriesOf(db: DbOrTx, agencyId: string): Promise<AgencyCategory[]> {
  return repo.listCategories(db, [agencyId]);
}

export interface CategoryInput {
  name: string;
  statutoryItem: string;
  sortOrder?: number;
}

/** Adds or renames a category of the agency's 主动公开目录, audited. */
export async function saveCategory(
  db: Db,
  actor: Actor,
  agencyId: string,
  id: string | null,
  input: CategoryInput,
  clock: Clock,
): Promise<AgencyCategory> {
  authorize(actor, 'catalog.settings', { agencyId });
  const name = cleanText(input.name);
  if (!name || name.length > 30) throw new ValidationError({ name: '类别名称须为1至30个字' });
  if (!statutoryItem(input.statutoryItem))
    throw new ValidationError({ statutoryItem: '请选择对应的第二十条或第二十一条事项' });
  const existing = await repo.listCategories(db, [agencyId]);
  if (existing.some((c) => c.name === name && c.id !== id)) throw new ValidationError({ name: '已有同名类别' });
  if (id && !existing.some((c) => c.id === id)) throw new DomainError('NOT_FOUND', '类别不存在');
  const category: AgencyCategory = {
    id: id ?? randomUUID(),
    agencyId,
    name,
    statutoryItem: input.statutoryItem,
    sortOrder: input.sortOrder ?? existing.length + 1,
  };
  return db.transaction().execute(async (tx) => {
    if (id) await repo.updateCategory(tx, category);
    else await repo.insertCategory(tx, category, clock.now().toISOString());
    await recordAudit(
      tx,
      actor,
      {
        agencyId,
        action: id ? 'catalog.category_update' : 'catalog.category_create',
        subjectType: 'catalog_category',
        subjectId: category.id,
        summary: `${id ? '修改' : '新增'}主动公开类别“${name}”`,
        after: category,
      },
      clock,
    );
    return category;
  });
}

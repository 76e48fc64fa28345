/**
 * What an agency publishes proactively, and under which heading.
 *
 * 第二十条 lists fifteen items every agency publishes; 第二十一条 adds local items for
 * governments of 设区的市, 县级 and their departments, and for 乡（镇）. An agency arranges its
 * 主动公开目录 in its own categories (第二十二条), each mapped to one statutory item, so that the
 * portal can show the statutory columns and the report can count by the agency's categories.
 */
import type { AgencyLevel } from '../agency.ts';

export interface StatutoryItem {
  /** Stable key: `a20.1` … `a20.15`, `a21.<name>`. */
  readonly key: string;
  /** 第二十条第（一）项 … */
  readonly article: string;
  /** Short column heading. */
  readonly name: string;
  /** The statute's words. */
  readonly text: string;
}

const A20: Array<[string, string]> = [
  ['行政法规、规章和规范性文件', '行政法规、规章和规范性文件'],
  ['机关职能', '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名'],
  ['规划', '国民经济和社会发展规划、专项规划、区域规划及相关政策'],
  ['统计信息', '国民经济和社会发展统计信息'],
  ['行政许可和对外管理服务', '办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果'],
  ['行政处罚和行政强制', '实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定'],
  ['财政预算决算', '财政预算、决算信息'],
  ['行政事业性收费', '行政事业性收费项目及其依据、标准'],
  ['政府集中采购', '政府集中采购项目的目录、标准及实施情况'],
  ['重大建设项目', '重大建设项目的批准和实施情况'],
  ['民生政策措施', '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况'],
  ['突发公共事件', '突发公共事件的应急预案、预警信息及应对情况'],
  ['监督检查', '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况'],
  ['公务员招考', '公务员招考的职位、名额、报考条件等事项以及录用结果'],
  ['其他法定公开信息', '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息'],
];

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

/** 第二十条: the fifteen items every agency publishes. */
export const ARTICLE_20_ITEMS: readonly StatutoryItem[] = A20.map(([name, text], i) => ({
  key: `a20.${i + 1}`,
  article: `第二十条第（${CN_NUM[i]}）项`,
  name,
  text,
}));

/** 第二十一条: local items of 设区的市级、县级人民政府及其部门. */
const A21_CITY_COUNTY = ['市政建设', '公共服务', '公益事业', '土地征收', '房屋征收', '治安管理', '社会救助'];
/** 第二十一条: local items of 乡（镇）人民政府. */
const A21_TOWNSHIP = [
  '贯彻落实农业农村政策',
  '农田水利工程建设运营',
  '农村土地承包经营权流转',
  '宅基地使用情况审核',
  '土地征收',
  '房屋征收',
  '筹资筹劳',
  '社会救助',
];

function a21(name: string): StatutoryItem {
  return { key: `a21.${name}`, article: '第二十一条', name, text: name };
}

/** Every 第二十一条 item (union of both lists, in statute order). */
export const ARTICLE_21_ITEMS: readonly StatutoryItem[] = [...new Set([...A21_CITY_COUNTY, ...A21_TOWNSHIP])].map(a21);

const BY_KEY = new Map([...ARTICLE_20_ITEMS, ...ARTICLE_21_ITEMS].map((i) => [i.key, i]));

/** The statutory item with this key, or undefined. */
export function statutoryItem(key: string): StatutoryItem | undefined {
  return BY_KEY.get(key);
}

/**
 * The statutory columns of an agency's 法定主动公开内容: the fifteen items of 第二十条 and the
 * 第二十一条 items that apply to its level (a province has none; a 乡镇 has its own list).
 */
export function statutoryItemsFor(level: AgencyLevel): StatutoryItem[] {
  const local =
    level === 'township'
      ? A21_TOWNSHIP
      : level === 'city' || level === 'county' || level === 'department'
        ? A21_CITY_COUNTY
        : [];
  return [...ARTICLE_20_ITEMS, ...local.map(a21)];
}

/** Kinds of document; 规章 and 规范性文件 are the ones counted in table 二 and carry a validity. */
export const DOC_TYPES = [
  'rule',
  'normative',
  'policy_interpretation',
  'notice',
  'plan_report',
  'statistics',
  'work_news',
  'other',
] as const;
export type DocType = (typeof DOC_TYPES)[number];

export const DOC_TYPE_LABELS: Record<DocType, string> = {
  rule: '规章',
  normative: '规范性文件',
  policy_interpretation: '政策解读',
  notice: '通知公告',
  plan_report: '计划总结',
  statistics: '统计信息',
  work_news: '工作动态',
  other: '其他文件',
};

export function isDocType(value: string): value is DocType {
  return (DOC_TYPES as readonly string[]).includes(value);
}

/** 规章 and 规范性文件 have a validity (有效 / 失效 / 废止 / 已修订). */
export function hasValidity(type: DocType): boolean {
  return type === 'rule' || type === 'normative';
}

/** An agency's own category (第二十二条): a heading of its 主动公开目录, mapped to a statutory item. */
export interface AgencyCategory {
  readonly id: string;
  readonly agencyId: string;
  readonly name: string;
  readonly statutoryItem: string;
  readonly sortOrder: number;
}

/** Sections of the 指南 an agency may rewrite (第十二条); the rest is generated from its data. */
export const GUIDE_SECTIONS = ['intro', 'classification', 'obtaining', 'applications', 'remedies'] as const;
export type GuideSection = (typeof GUIDE_SECTIONS)[number];

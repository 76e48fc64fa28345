/**
 * The generated draft of the narrative sections (第五十条), in the register of a real report
 * — e.g. the 2020 report of 洛江区工信局: 「2020年，我局通过政府信息公开专栏主动公开政府信息数
 * 16条。其中，机构职能类信息1条；…」. Every number is taken from the assembled tables or the
 * catalog counts the tables came from, so a draft never contradicts its tables (R8). Staff edit
 * the draft; the edited text is checked again (narrative-check.ts).
 */
import type { AgencyLevel } from '../agency.ts';
import type { AnnualReport, Cell } from './annual-report.ts';
import type { CategoryCount } from './figures.ts';
import { draftApplications, draftAppeals, type CarriedCases } from './narrative-applications.ts';

/** The narrative parts of a report: the preamble before 一, and sections 一, 五, 六. */
export interface NarrativeSections {
  preamble: string;
  overview: string;
  problems: string;
  other: string;
}

export interface NarrativeContext {
  agency: {
    name: string;
    shortName?: string;
    level?: AgencyLevel;
    /** The disclosure office's telephone (printed in the preamble as 联系方式). */
    phone?: string;
    /** The address of the agency's 政府信息公开专栏, if it has one. */
    url?: string;
  };
  /** Catalog items published in the year (一（一）). */
  published: { total: number; categories: CategoryCount[] };
  /** 信息处理费 collected in 元; null when not tracked. */
  feesCollectedYuan?: number | null;
  /**
   * For a people's government: 「工作考核、社会评议和责任追究结果情况」(第五十条第四项), a
   * paragraph from the 政务公开考核 scorecard of its subtree; null when there is none.
   */
  assessment?: string | null;
  /** Table 四 cases carried over from the year before (上年结转), for 「含上年结转N件」; absent when unknown. */
  casesCarriedIn?: CarriedCases | null;
}

/**
 * How a report speaks of its own agency: 我局 / 我委 / 我办 / 我镇 / 我区 …, else 本机关.
 * (The seed report writes 「我局」 throughout.)
 */
export function selfReference(name: string, level?: AgencyLevel): string {
  const n = name.replace(/（[^）]*）$/, '');
  if (/街道办事处$/.test(n)) return '我街道';
  if (/镇人民政府$/.test(n) || (level === 'township' && /镇/.test(n))) return '我镇';
  if (/乡人民政府$/.test(n)) return '我乡';
  if (/人民政府$/.test(n)) {
    const m = /([省市区县])人民政府$/.exec(n);
    return m ? `我${m[1]}` : '本级政府';
  }
  if (/局$/.test(n)) return '我局';
  if (/委员会$|委$/.test(n)) return '我委';
  if (/办公室$|办$/.test(n)) return '我办';
  if (/厅$/.test(n)) return '我厅';
  if (/中心$/.test(n)) return '我中心';
  if (/署$/.test(n)) return '我署';
  return '本机关';
}

/** 「机构职能类信息」 stays; 「机构职能」 becomes 「机构职能类信息」. */
function categoryPhrase(name: string): string {
  return /(类|信息)$/.test(name) ? name : `${name}类信息`;
}

const num = (c: Cell | undefined): number => (typeof c === 'number' ? c : 0);

/** 一（一）: the published items and, where there are any, the 规章 / 规范性文件 of table 二. */
function draftProactive(report: AnnualReport, ctx: NarrativeContext, we: string): string {
  const y = report.year;
  const { total, categories } = ctx.published;
  let text = `（一）政府信息主动公开情况。${y}年，${we}通过政府信息公开专栏主动公开政府信息数${total}条。`;
  const parts = categories.filter((c) => c.count > 0).map((c) => `${categoryPhrase(c.name)}${c.count}条`);
  if (parts.length > 0) text += `其中，${parts.join('；')}。`;
  const docs = report.table2.normative_docs;
  const rules = report.table2.rules;
  const docLabel = report.format === 'V2021' ? '行政规范性文件' : '规范性文件';
  const made = num(docs?.[0]);
  const madeRules = num(rules?.[0]);
  if (madeRules > 0 || made > 0) {
    const what = [madeRules > 0 ? `规章${madeRules}件` : '', made > 0 ? `${docLabel}${made}件` : '']
      .filter(Boolean)
      .join('、');
    text +=
      report.format === 'V2021'
        ? `本年制发${what}，现行有效${docLabel}${num(docs?.[2])}件。`
        : `本年新制作${what}，${docLabel}对外公开总数${num(docs?.[2])}件。`;
  }
  return text;
}

/** 一、总体情况 with the five sub-headings the format names (主动公开 … 监督保障). */
export function draftOverview(report: AnnualReport, ctx: NarrativeContext): string {
  const we = selfReference(ctx.agency.name, ctx.agency.level);
  const subject = ctx.agency.shortName ?? ctx.agency.name;
  const y = report.year;
  return [
    `${y}年，${subject}认真贯彻执行《条例》及上级关于全面推进政务公开的决策部署，坚持以公开为常态、不公开为例外，持续推进政府信息公开标准化规范化。`,
    draftProactive(report, ctx, we),
    `（二）政府信息依申请公开情况。${draftApplications(report, we)}`,
    `（三）政府信息管理情况。严格落实政府信息公开主体责任，严格落实保密审查、信息发布审核等制度，${y}年主动公开的${ctx.published.total}条信息均经保密审查和发布审核后公开，确保发布信息的真实性、准确性、权威性。`,
    `（四）平台建设情况。依托政府信息公开专栏集中发布政府信息，及时更新办事指南和政府信息公开指南，方便群众查阅和办事。`,
    `（五）监督保障情况。明确${we}办公室为政府信息公开工作牵头机构，加强业务培训和日常指导监督。${draftAppeals(report, ctx.casesCarriedIn)}${ctx.assessment ? `\n\n${ctx.assessment}` : ''}`,
  ].join('\n\n');
}

/** The paragraph before 一: what the report is, its period, where to read it and whom to call. */
export function draftPreamble(report: AnnualReport, ctx: NarrativeContext): string {
  const y = report.year;
  const subject = ctx.agency.shortName ?? ctx.agency.name;
  let text =
    `根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现公布${subject}${y}年政府信息公开工作年度报告。` +
    `本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六个部分，` +
    `起止时间自${y}年1月1日至${y}年12月31日。`;
  if (ctx.agency.url) text += `信息公开网址：${ctx.agency.url}；`;
  if (ctx.agency.phone) text += `联系方式：${ctx.agency.name}办公室（电话：${ctx.agency.phone}）。`;
  return text.replace(/；$/, '。');
}

/** 五: a starting point in the usual two parts; the office writes its own problems. */
export function draftProblems(report: AnnualReport): string {
  return [
    `（一）主要问题：政府信息公开工作还不够规范，主动公开的深度和广度有待进一步拓展；工作人员的政府信息公开业务水平有待进一步提高。`,
    `（二）改进情况：一是加强统筹协调，进一步明确公开范围，完善主动公开目录。二是健全信息公开工作制度，严格执行信息公开前审查制度。三是组织人员参加政务公开相关培训，开展《条例》学习，提升业务素质，${report.year + 1}年持续提升政府信息公开工作质量。`,
  ].join('\n\n');
}

/** 六: from 2021 reports state the 信息处理费 collected; otherwise 暂无. */
export function draftOther(report: AnnualReport, ctx: NarrativeContext): string {
  const fees = ctx.feesCollectedYuan;
  if (report.format === 'V2021' && fees !== undefined && fees !== null) {
    return fees > 0
      ? `${report.year}年，${selfReference(ctx.agency.name, ctx.agency.level)}收取信息处理费共计${fees}元。`
      : `${report.year}年，无收取信息处理费情况。`;
  }
  return '暂无。';
}

/** The full draft for a report. */
export function draftNarrative(report: AnnualReport, ctx: NarrativeContext): NarrativeSections {
  return {
    preamble: draftPreamble(report, ctx),
    overview: draftOverview(report, ctx),
    problems: draftProblems(report),
    other: draftOther(report, ctx),
  };
}

/**
 * R8 for narrative the staff edited (report-formats.md §5): numbers in the text that
 * contradict the tables are flagged when the text is saved. The existing rule
 * (rules-narrative.ts: received, closed, carried over, 复议, 诉讼) runs unchanged; this adds
 * what a generated draft also quotes — the outcome groups of table 三 and the proactive counts
 * of 一（一）, which come from the same catalog figures as table 二.
 */
import type { AnnualReport } from './annual-report.ts';
import type { CategoryCount } from './figures.ts';
import { finding, type Finding } from './findings.ts';
import { groupTotal, OUTCOME_GROUPS } from './narrative-applications.ts';
import type { NarrativeSections } from './narrative-draft.ts';
import { checkNarrative } from './rules-narrative.ts';

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Sentences about applications (not appeals), where outcome groups are quoted. */
function applicationSentences(text: string): string[] {
  return text.split(/[。；;\n]/).filter((s) => /申请|办结/.test(s) && !/复议|诉讼/.test(s));
}

/** 「予以公开3件」 stated in the text against the table's 予以公开 total. */
function checkOutcomeGroups(report: AnnualReport, text: string): Finding[] {
  const out: Finding[] = [];
  const sentences = applicationSentences(text);
  for (const g of OUTCOME_GROUPS) {
    const re = new RegExp(`${escapeRe(g.name)}\\s*(\\d+)\\s*件`);
    for (const s of sentences) {
      const m = re.exec(s);
      if (!m?.[1]) continue;
      const stated = Number(m[1]);
      const table = groupTotal(report, g.keys);
      if (stated !== table)
        out.push(
          finding(
            'R8',
            'sections.overview',
            `「总体情况」中写明${g.name}${stated}件，与表格不一致：表三「${g.name}」各项总计为${table}。`,
          ),
        );
      break;
    }
  }
  return out;
}

/** 「主动公开政府信息数16条」 and 「机构职能类信息1条」 against the catalog counts. */
function checkProactive(text: string, published: { total: number; categories: CategoryCount[] }): Finding[] {
  const out: Finding[] = [];
  const m = /主动公开[^。；，\d]{0,12}?(\d+)\s*条/.exec(text);
  if (m?.[1] && Number(m[1]) !== published.total) {
    out.push(
      finding(
        'R8',
        'sections.overview',
        `「总体情况」中写明主动公开${m[1]}条，与目录记录不一致：本年主动公开${published.total}条。`,
      ),
    );
  }
  for (const c of published.categories) {
    const stem = c.name.replace(/(类信息|信息|类)$/, '');
    if (!stem) continue;
    const cm = new RegExp(`${escapeRe(stem)}(?:类信息|信息|类)?\\s*(\\d+)\\s*条`).exec(text);
    if (cm?.[1] && Number(cm[1]) !== c.count) {
      out.push(
        finding(
          'R8',
          'sections.overview',
          `「总体情况」中写明${c.name}${cm[1]}条，与目录记录不一致：该类本年主动公开${c.count}条。`,
        ),
      );
    }
  }
  return out;
}

/**
 * R8 findings for the narrative of `report`: the validator's own narrative rule over
 * 一、总体情况, the outcome groups, and — when the catalog counts are given — 一（一）.
 */
export function checkNarrativeSections(
  report: AnnualReport,
  sections: Partial<NarrativeSections>,
  published?: { total: number; categories: CategoryCount[] } | null,
): Finding[] {
  const overview = sections.overview ?? '';
  if (!overview.trim()) return [];
  return [
    ...checkNarrative(report, overview),
    ...checkOutcomeGroups(report, overview),
    ...(published ? checkProactive(overview, published) : []),
  ];
}

/** A narrative section that is still empty: publishing waits for it. */
export interface MissingSection {
  rule: 'missing';
  severity: 'error';
  where: string;
  message: string;
}

/** Sections a report may not be published without (第五十条 requires each part). */
export function missingSections(sections: Partial<NarrativeSections>): MissingSection[] {
  const out: MissingSection[] = [];
  const need: Array<[keyof NarrativeSections, string]> = [
    ['overview', '一、总体情况'],
    ['problems', '五、存在的主要问题及改进情况'],
    ['other', '六、其他需要报告的事项'],
  ];
  for (const [key, heading] of need) {
    if (!sections[key]?.trim())
      out.push({ rule: 'missing', severity: 'error', where: `sections.${key}`, message: `「${heading}」尚未填写。` });
  }
  return out;
}

/**
 * R8: numbers quoted in the narrative must equal the tables (report-formats.md §5). Only the
 * figures a reader can tie to one cell are checked — applications received, closed and carried
 * over, and 行政复议 / 行政诉讼 counts — and only where written in Arabic digits; anything
 * looser would raise false alarms on correct reports.
 */
import type { AnnualReport, Cell } from './annual-report.ts';
import { finding, type Finding } from './findings.ts';

interface Claim {
  what: string;
  stated: number;
  /** The table figures the statement may legitimately mean (e.g. received with or without carry-in). */
  accepted: number[];
  table: string;
}

const n = (c: Cell | undefined): number | null => (typeof c === 'number' ? c : null);

/** Sentences of the text that talk about applications (依申请) but not about appeals. */
function applicationSentences(text: string): string[] {
  return text.split(/[。；;！!\n]/).filter((s) => /申请/.test(s) && !/复议|诉讼/.test(s));
}

function firstNumber(sentences: string[], patterns: RegExp[]): number | null {
  for (const s of sentences) {
    for (const p of patterns) {
      const m = p.exec(s);
      if (m?.[1] !== undefined) return Number(m[1]);
    }
  }
  return null;
}

const SEP = '[^，。；、,;\\d]';

/** The claims a narrative makes about table 三 and 四. */
function claimsOf(text: string, report: AnnualReport): Claim[] {
  const t3 = report.table3;
  const claims: Claim[] = [];
  const sentences = applicationSentences(text);
  const received = n(t3.received?.[6]);
  const carriedIn = n(t3.carried_in?.[6]);
  if (received !== null) {
    const stated = firstNumber(sentences, [
      new RegExp(`(?:收到|受理|新收|接收)${SEP}{0,16}?(\\d+)\\s*(?:件|个|份|条)`),
    ]);
    const none = sentences.some((s) => /(?:无|未收到|没有收到|未受理)[^，。；]{0,12}申请/.test(s));
    const accepted = carriedIn === null ? [received] : [received, received + carriedIn];
    if (stated !== null)
      claims.push({
        what: `收到申请${stated}件`,
        stated,
        accepted,
        table: `表三「一、本年新收政府信息公开申请数量」总计为${received}`,
      });
    else if (none)
      claims.push({
        what: '没有收到申请',
        stated: 0,
        accepted: [received],
        table: `表三「一、本年新收政府信息公开申请数量」总计为${received}`,
      });
  }
  const total = n(t3.total?.[6]);
  const closed = firstNumber(sentences, [
    new RegExp(`办结${SEP}{0,10}?(\\d+)\\s*件`),
    new RegExp(`(\\d+)\\s*件${SEP}{0,4}办结`),
  ]);
  if (total !== null && closed !== null)
    claims.push({ what: `办结${closed}件`, stated: closed, accepted: [total], table: `表三「（七）总计」为${total}` });
  const carriedOut = n(t3.carried_out?.[6]);
  const carried = firstNumber(sentences, [
    new RegExp(`(\\d+)\\s*件${SEP}{0,6}结转(?:至|到)?下`),
    new RegExp(`结转(?:至|到)?下一?年度?${SEP}{0,8}?(\\d+)\\s*件`),
  ]);
  if (carriedOut !== null && carried !== null) {
    claims.push({
      what: `结转下年度${carried}件`,
      stated: carried,
      accepted: [carriedOut],
      table: `表三「四、结转下年度继续办理」总计为${carriedOut}`,
    });
  }
  const reconsideration = n(report.table4.reconsideration?.[4]);
  const statedRe = /行政复议\s*(\d+)\s*(?:件|起|宗)/.exec(text);
  if (reconsideration !== null && statedRe?.[1] !== undefined) {
    const stated = Number(statedRe[1]);
    claims.push({
      what: `行政复议${stated}件`,
      stated,
      accepted: [reconsideration],
      table: `表四「行政复议」总计为${reconsideration}`,
    });
  }
  const direct = n(report.table4.litigation_direct?.[4]);
  const after = n(report.table4.litigation_after_reconsideration?.[4]);
  const statedLit = /行政诉讼\s*(\d+)\s*(?:件|起|宗)/.exec(text);
  if (direct !== null && after !== null && statedLit?.[1] !== undefined) {
    const stated = Number(statedLit[1]);
    claims.push({
      what: `行政诉讼${stated}件`,
      stated,
      accepted: [direct + after],
      table: `表四行政诉讼总计为${direct + after}`,
    });
  }
  return claims;
}

/** R8 over 一、总体情况 (where the counts are quoted). */
export function checkNarrative(report: AnnualReport, overview: string | undefined): Finding[] {
  if (!overview) return [];
  return claimsOf(overview, report)
    .filter((c) => !c.accepted.includes(c.stated))
    .map((c) => finding('R8', 'sections.overview', `「总体情况」中写明${c.what}，与表格不一致：${c.table}。`));
}

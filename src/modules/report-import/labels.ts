/**
 * How the importer recognises the printed tables: a pattern per row (searched in order in the
 * label string, see tokens.ts) that tolerates the variants seen in real reports — 规范性文件 /
 * 行政规范性文件, half- and full-width brackets, 「，」 for 「、」, labels broken over lines —
 * and the cues that tell the format versions apart (report-formats.md §6).
 */
import type { ReportFormatId, Table2Key, Table3Key } from '../../domain/report/index.ts';

/** Where table 二 starts: 「第二十条第（一）项」. */
export const TABLE2_START = /第二十条第\(一\)项|第二十条第\(1\)项/;

/** Row patterns of table 二, by key (only the keys of the format are searched). */
export const TABLE2_PATTERNS: Record<Table2Key, RegExp> = {
  rules: /规章/,
  normative_docs: /(?:行政)?规范性文件/,
  licensing: /行政许可/,
  other_services: /其他对外管理服务事项|对外管理服务/,
  penalty: /行政处罚/,
  enforcement: /行政强制/,
  fees: /行政事业性收费/,
  procurement: /政府集中采购|集中采购/,
};

/** Where table 三 starts (its heading, its note or its header). */
export const TABLE3_START = /收到和处理政府信息公开申请|本列数据的勾稽关系|申请人情况|本年新收/;

/** Row patterns of table 三. */
export const TABLE3_PATTERNS: Record<Table3Key, RegExp> = {
  received: /本年新收|新收政府信息公开申请/,
  carried_in: /上年结转/,
  granted: /予以公开/,
  partial: /部分公开/,
  withheld_state_secret: /国家秘密/,
  withheld_prohibited: /禁止公开/,
  withheld_security_stability: /三安全一稳定|危及/,
  withheld_third_party: /第三方合法权益|第三方/,
  withheld_internal: /内部事务/,
  withheld_process: /过程性/,
  withheld_enforcement_file: /执法案卷/,
  withheld_query: /行政查询/,
  unavailable_not_held: /不掌握/,
  unavailable_needs_creation: /另行制作|没有现成/,
  unavailable_unclear: /仍不明确|补正后/,
  rejected_petition: /信访|举报投诉/,
  rejected_repeat: /重复申请/,
  rejected_publication: /出版物/,
  rejected_excessive: /大量反复|反复申请/,
  rejected_confirm: /确认或重新出具|重新出具/,
  other: /其他处理/,
  other_no_correction: /逾期不补正|不补正/,
  other_no_fee: /收费通知|缴纳费用/,
  // 「3.其他」: a bare 「其他」 would also match 「不计其他情形」 in the row （二）.
  other_other: /3[.、]?其他|^其他/,
  total: /\(七\)总计|总计/,
  carried_out: /结转下年/,
};

/** Where table 四 starts: the first 「行政复议」 after table 三. */
export const TABLE4_START = /行政复议/;

/** What ends table 四: section 五 or its usual wording. */
export const TABLE4_END = /五、|存在的主要问题|主要问题及|其他需要报告/;

/** Cues of each format version and of the pre-2019 统计表 (report-formats.md §6). */
export const FORMAT_CUES: Record<ReportFormatId | 'pre2019', RegExp[]> = {
  V2021: [
    /本年制发件数|本年制发/,
    /本年废止件数|本年废止/,
    /现行有效件数|现行有效/,
    /本年收费金额/,
    /收费通知要求缴纳费用|缴纳费用/,
    /逾期不补正/,
    /本年处理决定数量/,
  ],
  V2019: [
    /本年新制作数量|本年新制作/,
    /本年新公开数量/,
    /对外公开总数量/,
    /上一年项目数量/,
    /第二十条第\(九\)项/,
    /政府集中采购/,
    /本年增\/减/,
  ],
  pre2019: [/政府信息公开情况统计表/, /受理依申请公开信息总数/, /收费及减免情况/],
};

/** Number of cue hits per version in a label string. */
export function cueHits(labels: string): Record<ReportFormatId | 'pre2019', number> {
  const count = (res: RegExp[]) => res.filter((re) => re.test(labels)).length;
  return { V2019: count(FORMAT_CUES.V2019), V2021: count(FORMAT_CUES.V2021), pre2019: count(FORMAT_CUES.pre2019) };
}

/** Section headings in plain text, with the variants seen in real reports. */
export const SECTION_HEADINGS = {
  overview: /一\s*[、.．]\s*总体情况/,
  proactive: /二?\s*[、.．]\s*主动公开政府信息(?:的)?情况/,
  problems: /(?:五\s*[、.．]\s*(?:政府信息公开(?:工作)?)?)?存在的主要问题(?:及其?(?:改进|整改)(?:情况|措施)?)?/,
  other: /六\s*[、.．]\s*其他需要报告的事项|其他需要报告的事项/,
};

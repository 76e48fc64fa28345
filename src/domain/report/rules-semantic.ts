/**
 * R10: what the figures mean for this agency (report-formats.md §5). 规章 are made only by
 * the State Council's ministries and commissions and by the people's governments of
 * provinces and 设区的市 (立法法 第九十一条、第九十三条), so a township, a county or a local
 * department reporting 规章 is flagged (a department may be reporting rules it drafted for
 * its government: flag, don't fail). A report in the format of another year is flagged too.
 */
import type { AgencyLevel } from '../agency.ts';
import type { AnnualReport } from './annual-report.ts';
import type { ReportFormat } from './format-types.ts';
import { cellPath, describeCell, finding, type Finding } from './findings.ts';
import { formatForYear } from './formats.ts';

/** What R10 needs to know about the agency; unknown facts switch the check off. */
export interface AgencyFacts {
  level?: AgencyLevel;
  makesRules?: boolean;
}

const LEVEL_NAMES: Record<AgencyLevel, string> = {
  province: '省级人民政府',
  city: '设区的市人民政府',
  county: '县级人民政府',
  township: '乡镇人民政府（街道）',
  department: '政府部门',
};

/**
 * Guesses the level of an agency from its name, for imports where no agency record exists.
 * Only the cases a name settles are answered: a township (…镇, …乡, …街道办事处) and a
 * local government department (a place name, then …局 / …委员会 / …办公室 …).
 */
export function inferAgencyFacts(name: string): AgencyFacts {
  const n = name.replace(/\s+/g, '');
  if (/(镇|乡|街道|街道办事处)(人民政府)?$/.test(n)) return { level: 'township', makesRules: false };
  if (
    /[省市县区州旗盟]/.test(n) &&
    /(局|委员会|委|办公室|办|厅|中心|处|站|所|队|院)$/.test(n) &&
    !/人民政府$/.test(n)
  ) {
    return { level: 'department', makesRules: false };
  }
  return {};
}

/** Whether the agency may make 规章, or undefined when not known. */
function makesRules(facts: AgencyFacts): boolean | undefined {
  if (facts.makesRules !== undefined) return facts.makesRules;
  if (facts.level === 'township' || facts.level === 'county' || facts.level === 'department') return false;
  return undefined;
}

/** R10 for 规章 counts and for the format version. */
export function checkSemantics(report: AnnualReport, format: ReportFormat, facts: AgencyFacts): Finding[] {
  const out: Finding[] = [];
  const expected = formatForYear(report.year);
  if (!expected) {
    out.push(
      finding(
        'R10',
        'format',
        `${report.year}年尚无统一的年度报告格式（2019年起适用国办公开办函〔2019〕60号），但本报告使用了${format.id}格式的表格。`,
      ),
    );
  } else if (expected.id !== format.id) {
    out.push(
      finding(
        'R10',
        'format',
        `${report.year}年度报告应使用${expected.notice}印发的格式（${expected.id}），本报告使用的是${format.notice}的格式（${format.id}）。`,
      ),
    );
  }
  if (makesRules(facts) === false) {
    const who = facts.level ? LEVEL_NAMES[facts.level] : '本机关';
    report.table2.rules?.forEach((c, i) => {
      if (typeof c !== 'number' || c === 0) return;
      out.push(
        finding(
          'R10',
          cellPath('table2', 'rules', i),
          `${describeCell(format, 'table2', 'rules', i)}为${c}，但${who}没有规章制定权（《立法法》第九十三条）；如系代本级政府起草的规章，请在报告中说明。`,
        ),
      );
    });
  }
  return out;
}

/**
 * Placeholders of letter templates: `{{申请人}}` and the like. A template may use only the
 * names listed here; an unknown one is refused with a Chinese message when the agency saves it,
 * so a typo never reaches an applicant.
 */
import { ValidationError } from '../errors.ts';

/** Every placeholder and what it is filled with. */
export const PLACEHOLDERS = {
  申请人: '申请人姓名或名称',
  申请编号: '申请的受理编号，如 洛工信依申〔2025〕12号',
  收到申请日期: '收到申请之日（第三十一条），如 2025年3月3日',
  信息名称: '申请公开的政府信息的名称、文号或描述',
  答复期限: '答复期限届满之日（第三十三条）',
  答复日期: '本文书的日期',
  法律依据: '作出决定所依据的条款',
  不予公开理由: '不予公开（或部分不予公开）的理由',
  获取方式: '获取信息的方式、途径和时间',
  负责机关: '负责公开该信息的行政机关名称及联系方式（第三十六条第五项）',
  机关名称: '作出文书的行政机关全称',
  联系电话: '政府信息公开工作机构的联系电话',
  复议机关: '申请行政复议的机关（按机构层级推定，或本机关设置）',
  管辖法院: '提起行政诉讼的人民法院（按机构所在地推定，或本机关设置）',
  补正事项: '需要补正的全部事项（第三十条：一次性告知）',
  补正期限: '补正期限届满之日',
  第三方: '被征求意见的第三方或其他机关名称',
  征求意见期限: '第三方或其他机关提出意见的期限（第三十二条、第三十四条：15个工作日）',
  延长天数: '延长的工作日数（第三十三条：不超过20个工作日）',
  延期理由: '需要延长答复期限的理由',
  收费金额: '信息处理费金额（元）',
  收费依据: '计收方式和标准（国办函〔2020〕109号）',
  缴费期限: '缴纳费用的期限届满之日',
  缴费方式: '缴费的账户或途径',
  公开内容: '第三方不同意公开、本机关决定公开的政府信息内容（第三十二条）',
  公开理由: '决定公开的理由：不公开可能对公共利益造成重大影响（第三十二条）',
  节假日年份: '新公布节假日安排的年份，如 2027年',
  变更事项: '按公布的节假日安排核定后变动的日期，如 答复期限由2027年1月18日（暂定）调整为2027年1月20日',
} as const;

export type PlaceholderName = keyof typeof PLACEHOLDERS;
export type PlaceholderValues = Partial<Record<PlaceholderName, string>>;

const TOKEN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholder names a text uses, in order of first use. */
export function placeholdersIn(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(TOKEN)) seen.add(m[1]!);
  return [...seen];
}

/**
 * Checks a template text: every `{{…}}` names a known placeholder and no brace is left
 * unpaired. Returns the Chinese problem, or null when the text is fine.
 */
export function placeholderProblem(
  text: string,
  allowed?: { name: string; placeholders: readonly PlaceholderName[] },
): string | null {
  const tokens = (names: readonly string[]) => names.map((n) => `{{${n}}}`).join('、');
  const used = placeholdersIn(text);
  const unknown = used.filter((n) => !(n in PLACEHOLDERS));
  const available = allowed?.placeholders ?? (Object.keys(PLACEHOLDERS) as PlaceholderName[]);
  if (unknown.length) return `未知的占位符：${tokens(unknown)}。可用的占位符有：${tokens(available)}`;
  const foreign = used.filter((n) => !available.includes(n as PlaceholderName));
  if (allowed && foreign.length)
    return `“${allowed.name}”不能使用占位符：${tokens(foreign)}（生成该文书时没有这些内容）。可用的占位符有：${tokens(available)}`;
  const rest = text.replace(TOKEN, '');
  if (rest.includes('{{') || rest.includes('}}')) return '占位符的花括号不成对，请写成 {{申请人}} 这样的形式';
  return null;
}

/**
 * Throws ValidationError for the given field when the text has a placeholder problem; with
 * `allowed`, only the placeholders that template's letter is filled with are accepted.
 */
export function assertPlaceholders(
  field: string,
  text: string,
  allowed?: { name: string; placeholders: readonly PlaceholderName[] },
): void {
  const problem = placeholderProblem(text, allowed);
  if (problem) throw new ValidationError({ [field]: problem });
}

/**
 * Fills the placeholders. A placeholder without a value is an error listing every missing one,
 * rather than a letter that goes out with a hole in it.
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  const missing = placeholdersIn(text).filter((n) => !values[n as PlaceholderName]?.trim());
  if (missing.length) throw new ValidationError({ values: `缺少占位符的内容：${missing.join('、')}` });
  return text.replace(TOKEN, (_, name: string) => values[name as PlaceholderName]!.trim());
}

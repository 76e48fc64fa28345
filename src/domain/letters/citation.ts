/**
 * The legal basis a reply letter cites: the articles the handler chose (第十五条、第三十二条…, or
 * another law such as 《中华人民共和国档案法》第二十七条), printed as one citation, with the
 * article the outcome itself rests on added when the handler left it out — a 部分公开 always
 * cites 第三十七条 (区分处理), a 不予公开 第三十六条第三项, a 行政查询事项 第三十六条第七项.
 */
import { OUTCOME_BASIS } from '../applications/decision.ts';
import type { OutcomeKey } from '../report/index.ts';
import type { LetterKey } from './templates.ts';

const TIAOLI = '《中华人民共和国政府信息公开条例》';

/** The article each outcome's letter rests on, whatever else the handler cites. */
const REQUIRED: Partial<Record<LetterKey, string>> = {
  partial: '第三十七条',
  withheld_state_secret: '第三十六条第三项',
  withheld_prohibited: '第三十六条第三项',
  withheld_security_stability: '第三十六条第三项',
  withheld_third_party: '第三十六条第三项',
  withheld_internal: '第三十六条第三项',
  withheld_process: '第三十六条第三项',
  withheld_enforcement_file: '第三十六条第三项',
  withheld_query: '第三十六条第七项',
};

/** Letters whose default basis is narrower than their outcome's (two letters share one row of table 三). */
const VARIANT_DEFAULT: Partial<Record<LetterKey, string>> = {
  unavailable_not_held: '第三十六条第四项',
  unavailable_not_responsible: '第三十六条第五项',
};

const same = (a: string) => a.replace(/[（）()\s]/g, '');

/** Splits 「第十五条、第三十二条；《档案法》第二十七条」 into its parts. */
function partsOf(basis: string): string[] {
  return basis
    .split(/[、，,；;和及]/)
    .map((p) =>
      p
        .trim()
        .replace(/^(根据|依据|依照)/, '')
        .replace(/(的规定|规定)$/, ''),
    )
    .filter(Boolean);
}

/**
 * The citation printed after 「根据」: 条例's articles first (prefixed with the 条例's name once),
 * then any other law the handler named. `outcome` is the decision's table 三 row.
 */
export function citedBasis(key: LetterKey, outcome: OutcomeKey, handlerBasis: string | null): string {
  const given = (handlerBasis ?? '').trim();
  const basis = !given || given === OUTCOME_BASIS[outcome] ? (VARIANT_DEFAULT[key] ?? OUTCOME_BASIS[outcome]) : given;
  const parts = partsOf(basis.replace(/《中华人民共和国政府信息公开条例》|《政府信息公开条例》|《条例》/g, '、'));
  const articles = parts.filter((p) => p.startsWith('第'));
  const others = parts.filter((p) => !p.startsWith('第'));
  const required = REQUIRED[key];
  if (required && !articles.some((a) => same(a) === same(required))) articles.push(required);
  const own = articles.length ? `${TIAOLI}${articles.join('、')}` : '';
  return [own, ...others].filter(Boolean).join('和') || TIAOLI;
}

/**
 * Removes doubled punctuation where a filled value meets the template's own (「涉及商业秘密。。」,
 * 「，。」, 「；。」): the stronger mark stays, once.
 */
export function tidyPunctuation(text: string): string {
  return text
    .replace(/([。！？；，、：])\1+/g, '$1')
    .replace(/[，、；：]+([。！？])/g, '$1')
    .replace(/([。！？])[，、；。]+/g, '$1');
}

/**
 * The documents an application produces (告知书 and notices) as the workflow and the applicant
 * see them: their kinds, who they are addressed to, and the wording of the facts a notice states
 * (the 国办函〔2020〕109号 fee computation). Pure.
 */
import { FEE_BASIS_LABELS, type FeeAssessment } from '../applications/fees.ts';

/** Every kind of document an application produces. */
export const DOCUMENT_KINDS = [
  'reply_letter',
  'correction_notice',
  'consultation_letter',
  'extension_notice',
  'fee_notice',
  'lapse_notice',
  'third_party_notice',
  'date_change_notice',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  reply_letter: '答复书',
  correction_notice: '补正告知书',
  consultation_letter: '征求意见书',
  extension_notice: '延期答复告知书',
  fee_notice: '收费通知书',
  lapse_notice: '视为放弃申请告知书',
  third_party_notice: '决定公开告知书（第三方）',
  date_change_notice: '期限调整告知书',
};

/**
 * Release control by kind (docs/letters.md): the reply letter discloses (or refuses) the
 * information asked for, so it leaves only after 保密审查 (第十七条) and the office head's
 * sign-off. The notices disclose none of it: they go out with the step that makes them —
 * 补正 by the clerk or handler (第三十条), 延期 by the office head's approval itself (第三十三条第二款),
 * 收费 and 征求意见 by the handler (第四十二条, 第三十二条, 第三十四条), the 视为放弃申请告知书 with
 * the lapse the sweep records (第三十条, 国办函〔2020〕109号), and the 决定公开告知书 to a third
 * party that objected by the handler (第三十二条: it tells the party what will be disclosed, which
 * is the party's own information).
 */
export function needsRelease(kind: DocumentKind): boolean {
  return kind === 'reply_letter';
}

/**
 * Documents addressed to the applicant. Consultation letters and the 第三十二条 notice of a
 * decision to disclose go to the consulted party, and the applicant never sees them.
 */
export function addressedToApplicant(kind: DocumentKind): boolean {
  return kind !== 'consultation_letter' && kind !== 'third_party_notice';
}

/** 第三十二条 / 第三十四条: the consultation letter's template for the party consulted. */
export function consultationTemplate(party: 'third' | 'agency'): 'consultation_third_party' | 'consultation_agency' {
  return party === 'agency' ? 'consultation_agency' : 'consultation_third_party';
}

const range = (from: number, to: number, unit: string) => (from === to ? `第${from}${unit}` : `第${from}—${to}${unit}`);

/**
 * {{收费依据}}: the basis, the units charged and each band of the 超额累进 computation, e.g.
 * 「按量计收（国办函〔2020〕109号第五条），共120页：第1—30页不收费；第31—100页每页10元，计700元；第101—120页每页20元，计400元」.
 * 按件 bands count the applicant's pieces of the calendar month, so they start after the earlier ones.
 */
export function feeBasisText(fee: FeeAssessment): string {
  const unit = fee.basis === 'per_piece' ? '件' : '页';
  const article = fee.basis === 'per_piece' ? '第四条' : '第五条';
  const counted =
    fee.basis === 'per_piece'
      ? `本申请计${fee.units}件（申请人本自然月内累计${range(fee.bands[0]!.from, fee.bands[fee.bands.length - 1]!.to, '件')}）`
      : `共${fee.units}页`;
  const bands = fee.bands.map((b) =>
    b.rate === 0
      ? `${range(b.from, b.to, unit)}不收费`
      : `${range(b.from, b.to, unit)}每${unit}${b.rate}元，计${b.amount}元`,
  );
  return `${FEE_BASIS_LABELS[fee.basis]}（国办函〔2020〕109号${article}），${counted}：${bands.join('；')}`;
}

/**
 * {{缴费方式}} when the step names none: where to ask. Agencies write their account into the
 * 收费通知书 template or give it at the step.
 */
export const DEFAULT_PAYMENT_METHOD =
  '请持本通知书到本机关政府信息公开工作机构办理缴费手续，缴款账户和途径可拨打下列电话咨询';

/** A number the clerk typed before an item: 1. 1、 1) (1) （一） ① 一、 — replaced by the notice's own. */
const ITEM_NUMBER =
  /^\s*(?:[(（]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]|(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:[.．](?!\d)|[、,，)）])|[①-⑳])\s*/;

/**
 * 第三十条 「一次性告知申请人作出补正，说明需要补正的事项」: the items of a 补正告知书, one per line,
 * numbered 1. 2. 3. so the applicant can answer each (and say which is missing). Blank lines are
 * dropped and any number the clerk typed is replaced, so the numbering is always 1 to n; each
 * item is a sentence ending in 「。」.
 */
export function numberCorrectionItems(items: string): string {
  const lines = items
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) =>
      l
        .replace(ITEM_NUMBER, '')
        .trim()
        .replace(/[；;，,、.]+$/, ''),
    )
    .filter((l) => l.length > 0);
  return lines.map((l, i) => `${i + 1}.${/[。？！]$/.test(l) ? l : `${l}。`}`).join('\n');
}

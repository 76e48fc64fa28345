/**
 * Legacy intake: an agency that starts using Gongkai mid-stream imports its historical
 * applications (at least those still open) so that carry-over and the annual report are right
 * from its first year (lifecycle.md "Counting"). The columns, by their Chinese header
 * (docs/applications.md lists them):
 * 申请编号 · 申请人类型* · 申请人* · 渠道 · 收到日期 · 收到申请之日* · 办结日期 · 办理结果 · 所需信息 · 收费通知日期
 * This file checks one row and says what is wrong with it, in Chinese; it never guesses.
 */
import { APPLICANT_KIND_LABELS, type ApplicantKind } from './applicant.ts';
import { OUTCOME_LABELS } from './decision.ts';
import { OUTCOME_KEYS, type OutcomeKey } from '../clock/outcomes.ts';
import { CHANNEL_LABELS, type IntakeChannel } from './kinds.ts';
import { TABLE3_ROWS_V2021 } from '../report/table3-rows.ts';

export const LEGACY_COLUMNS = [
  '申请编号',
  '申请人类型',
  '申请人',
  '渠道',
  '收到日期',
  '收到申请之日',
  '办结日期',
  '办理结果',
  '所需信息',
  '收费通知日期',
] as const;
export type LegacyColumn = (typeof LEGACY_COLUMNS)[number];

/** One valid row. */
export interface LegacyRow {
  trackingNumber: string | null;
  applicantKind: ApplicantKind;
  applicantName: string;
  channel: IntakeChannel;
  arrivalDate: string;
  receivedDate: string;
  closedDate: string | null;
  outcome: OutcomeKey | null;
  description: string;
  feeNoticeDate: string | null;
}

const CHANNEL_WORDS: Record<string, IntakeChannel> = {
  当面: 'in-person',
  当面提交: 'in-person',
  口头: 'oral',
  邮寄: 'post-signed',
  挂号信: 'post-signed',
  平常信函: 'post-ordinary',
  网上: 'online',
  网络: 'online',
  网上申请: 'online',
  互联网: 'online',
  电子邮件: 'email',
  邮件: 'email',
  传真: 'fax',
};
for (const [k, v] of Object.entries(CHANNEL_LABELS)) CHANNEL_WORDS[v] = k as IntakeChannel;

/** Outcome by key, full label, or the leaf label alone (「属于国家秘密」, 「重复申请」…). */
export function parseOutcome(text: string): OutcomeKey | null {
  const t = text.trim();
  if ((OUTCOME_KEYS as readonly string[]).includes(t)) return t as OutcomeKey;
  for (const key of OUTCOME_KEYS) {
    const label = OUTCOME_LABELS[key];
    const leaf = label.includes('：') ? label.split('：')[1]! : label;
    if (t === label || t === leaf || t.replace(/^\d+\./, '') === leaf) return key;
  }
  // The report's own row labels (「1.申请人无正当理由逾期不补正、…」, 「（一）予以公开」…).
  const row = TABLE3_ROWS_V2021.find(
    (r) => r.outcome && [r.label, r.label.replace(/^(\d+\.|（[一二三四五六七]）)/, '')].includes(t),
  );
  if (row && (OUTCOME_KEYS as readonly string[]).includes(row.key)) return row.key as OutcomeKey;
  if (t === '撤回' || t === '申请人撤回') return 'other_other';
  return null;
}

/** YYYY-MM-DD, YYYY/M/D, YYYY.M.D or 2024年3月5日 → YYYY-MM-DD (valid dates only). */
export function parseLegacyDate(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Checks one row (cells by header); returns the row or the problems of each cell. */
export function checkLegacyRow(
  cells: Partial<Record<LegacyColumn, string>>,
  today: string,
): { row: LegacyRow } | { errors: string[] } {
  const get = (c: LegacyColumn) => (cells[c] ?? '').trim();
  const errors: string[] = [];
  const kind = (Object.entries(APPLICANT_KIND_LABELS).find(
    ([k, label]) => label === get('申请人类型') || k === get('申请人类型'),
  )?.[0] ?? null) as ApplicantKind | null;
  if (!kind) errors.push('申请人类型应为：自然人、商业企业、科研机构、社会公益组织、法律服务机构或其他');
  if (get('申请人') === '') errors.push('申请人不能为空');
  const channel = get('渠道') === '' ? 'in-person' : (CHANNEL_WORDS[get('渠道')] ?? null);
  if (!channel) errors.push(`渠道无法识别：${get('渠道')}`);
  const received = parseLegacyDate(get('收到申请之日'));
  if (!received) errors.push('收到申请之日应为日期，如 2024-03-05');
  const arrival = get('收到日期') === '' ? received : parseLegacyDate(get('收到日期'));
  if (get('收到日期') !== '' && !arrival) errors.push('收到日期格式不正确');
  const closed = get('办结日期') === '' ? null : parseLegacyDate(get('办结日期'));
  if (get('办结日期') !== '' && !closed) errors.push('办结日期格式不正确');
  const outcome = get('办理结果') === '' ? null : parseOutcome(get('办理结果'));
  if (get('办理结果') !== '' && !outcome)
    errors.push(`办理结果无法识别：${get('办理结果')}（应为表三的一项，如“予以公开”“属于国家秘密”）`);
  if (closed && !outcome) errors.push('已办结的申请须填写办理结果');
  if (!closed && outcome) errors.push('填写了办理结果的申请须填写办结日期');
  if (received && arrival && arrival > received) errors.push('收到日期不能晚于收到申请之日');
  if (received && closed && closed < received) errors.push('办结日期不能早于收到申请之日');
  if (received && received > today) errors.push('收到申请之日不能晚于今天');
  if (closed && closed > today) errors.push('办结日期不能晚于今天');
  if (outcome === 'other_no_correction' && received && closed && closed <= received)
    errors.push('逾期不补正的办结日期应晚于收到申请之日');
  const fee = get('收费通知日期') === '' ? null : parseLegacyDate(get('收费通知日期'));
  if (get('收费通知日期') !== '' && !fee) errors.push('收费通知日期格式不正确');
  if (errors.length > 0) return { errors };
  return {
    row: {
      trackingNumber: get('申请编号') || null,
      applicantKind: kind!,
      applicantName: get('申请人'),
      channel: channel!,
      arrivalDate: arrival!,
      receivedDate: received!,
      closedDate: closed,
      outcome,
      description: get('所需信息'),
      feeNoticeDate: fee,
    },
  };
}

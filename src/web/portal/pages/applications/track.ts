/**
 * The tracking page: the lookup form, and the application's state, public timeline, due date
 * with the applicant version of the clock explanation, the documents sent, and the correction
 * form when a correction was asked (第三十条). The number and code travel in hidden fields of
 * POST forms, never in URLs.
 */
import { FEE_NOTICE_DELIVERY_LABELS } from '../../../../domain/applications/fees.ts';
import type { FeeNoticeDelivery } from '../../../../domain/clock/types.ts';
import { formatChineseDate } from '../../../../domain/time.ts';
import type { TrackingView } from '../../../../modules/applications/public/public.service.ts';
import { html, type SafeHtml } from '../../../../http/html.ts';
import { layout } from '../../layout.ts';
import { textField, type FormState } from './fields.ts';
import type { FormAgency } from './apply.ts';

/** lifecycle.md "Provisional years": beside every date counted on a provisional calendar. */
const PROVISIONAL = html`<span class="provisional">（暂定，以国务院办公厅公布的节假日安排为准）</span>`;

const STATE_LABELS: Record<TrackingView['state'], string> = {
  awaitingConfirmation: '待确认收到申请',
  running: '办理中',
  awaitingCorrection: '等待补正',
  consulting: '办理中（征求意见）',
  awaitingFee: '等待缴纳信息处理费',
  closed: '已办结',
};

/** The lookup form (also shown again, with the same message, for any wrong or malformed input). */
export function trackFormPage(agency: FormAgency, state: FormState, csrf: string, message?: string): string {
  const base = `/gk/${encodeURIComponent(agency.code)}/`;
  const body = html`<h1>查询申请办理进度</h1>
${message ? html`<p class="field-error" role="alert">${message}</p>` : ''}
<form method="post" action="${base}track" class="apply">
<input type="hidden" name="csrf" value="${csrf}">
${textField(state, { name: 'trackingNumber', label: '申请编号', required: true, maxlength: 60, hint: '如：洛工信依申〔2025〕12号' })}
${textField(state, { name: 'queryCode', label: '查询码', required: true, maxlength: 12, autocomplete: 'off', hint: '回执上的8位查询码，如 ABCD-EFGH' })}
<button type="submit" class="primary">查询</button>
</form>`;
  return layout({
    title: '查询申请办理进度',
    crumbs: [{ label: '首页', href: '/' }, { label: agency.name, href: base }, { label: '查询进度' }],
    body,
  });
}

/**
 * The one plain sentence the tracking page leads with (「我们将在2026年12月23日前答复您」);
 * the legal explanation follows under 期限说明.
 */
export function plainStatus(v: TrackingView): string {
  const due = v.replyDue ? formatChineseDate(v.replyDue) : null;
  switch (v.state) {
    case 'closed':
      return `您的申请已于${formatChineseDate(v.closedDate ?? v.arrivalDate)}办结${v.outcomeLabel ? `：${v.outcomeLabel}` : ''}。`;
    case 'awaitingConfirmation':
      return '我们正在确认收到您的申请，确认后会告诉您答复期限。';
    case 'awaitingCorrection':
      return v.correction?.periodEnd
        ? `请在${formatChineseDate(v.correction.periodEnd)}前补正您的申请，补正后我们重新计算答复期限。`
        : '请补正您的申请，补正后我们重新计算答复期限。';
    case 'awaitingFee':
      return v.fee?.paymentDue
        ? `请在${formatChineseDate(v.fee.paymentDue)}前缴纳信息处理费，缴费后我们继续办理您的申请。`
        : '我们已向您发出收费通知，缴费期限自您收到通知的次日起计算；缴费后我们继续办理您的申请。';
    default:
      if (!due) return '我们正在办理您的申请。';
      return v.overdue ? `我们本应在${due}前答复您，现已超过期限，我们会尽快答复。` : `我们将在${due}前答复您。`;
  }
}

/**
 * The 收费通知 rows: issued, received (109号: the 20 working days run from the day after the
 * applicant receives it), the payment due date, and the payment.
 */
function feeRows(v: TrackingView): SafeHtml | string {
  const f = v.fee;
  if (!f) return '';
  const how = f.delivery ? `（${FEE_NOTICE_DELIVERY_LABELS[f.delivery as FeeNoticeDelivery] ?? f.delivery}）` : '';
  const received = f.receivedDate
    ? formatChineseDate(f.receivedDate)
    : '邮寄送达，签收日期待本机关登记（登记前缴费期限不起算）';
  return html`<dt>收费通知</dt><dd class="fee-notice">${formatChineseDate(f.noticeDate)}发出${how}${f.amount ? html`，${f.amount}元` : ''}</dd>
<dt>收到收费通知之日</dt><dd class="fee-received"${f.receivedDate ? html` data-date="${f.receivedDate}"` : ''}>${received}</dd>
${f.paidDate ? html`<dt>缴费日期</dt><dd class="fee-paid">${formatChineseDate(f.paidDate)}</dd>` : f.paymentDue ? html`<dt>缴费期限</dt><dd class="payment-due" data-date="${f.paymentDue}">${formatChineseDate(f.paymentDue)}${f.paymentDueProvisional ? PROVISIONAL : ''}（收到收费通知次日起20个工作日）</dd>` : ''}`;
}

/** The application as the applicant sees it. */
export function trackResultPage(
  agency: FormAgency,
  v: TrackingView,
  creds: { trackingNumber: string; queryCode: string; csrf: string },
  correction: FormState,
  notice?: string,
): string {
  const base = `/gk/${encodeURIComponent(agency.code)}/`;
  const hidden = html`<input type="hidden" name="csrf" value="${creds.csrf}"><input type="hidden" name="trackingNumber" value="${creds.trackingNumber}"><input type="hidden" name="queryCode" value="${creds.queryCode}">`;
  const body = html`<h1>申请 ${v.trackingNumber}</h1>
<p class="lead">${plainStatus(v)}</p>
${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
<dl class="contact">
<dt>办理状态</dt><dd class="state">${STATE_LABELS[v.state]}${v.outcomeLabel ? html`：${v.outcomeLabel}` : ''}</dd>
<dt>提交日期</dt><dd>${formatChineseDate(v.arrivalDate)}</dd>
<dt>收到申请之日</dt><dd>${v.receivedDate ? formatChineseDate(v.receivedDate) : '尚待确认（第三十一条）'}</dd>
${v.replyDue && v.state !== 'closed' ? html`<dt>答复期限</dt><dd class="reply-due" data-date="${v.replyDue}">${formatChineseDate(v.replyDue)}${v.replyDueProvisional ? PROVISIONAL : ''}${v.overdue ? '（已超过期限）' : ''}</dd>` : ''}
${feeRows(v)}
${v.closedDate ? html`<dt>办结日期</dt><dd>${formatChineseDate(v.closedDate)}</dd>` : ''}
</dl>
<h2>期限说明</h2>
<p class="explanation">${v.explanation}</p>
${
  v.correction
    ? html`<h2 id="correction-title">补正申请</h2>
<p>本机关于${formatChineseDate(v.correction.requested)}告知您补正以下事项${v.correction.periodEnd ? html`，补正期限至${formatChineseDate(v.correction.periodEnd)}${v.correction.periodEndProvisional ? PROVISIONAL : ''}` : ''}：</p>
<blockquote class="correction-items">${v.correction.items}</blockquote>
<p class="hint">依据第三十条，答复期限自本机关收到补正后的申请之日起计算；无正当理由逾期不补正的，视为放弃申请。</p>
<form method="post" action="${base}track/correct" enctype="multipart/form-data" class="apply" aria-labelledby="correction-title">
${hidden}
${textField(correction, { name: 'correction', label: '补正后的申请内容', required: true, rows: 6, hint: '不超过4000个字；超出时会提示，已填写的内容不会丢失' })}
<div class="field"><label for="correctionFiles">补充材料（可选，PDF、JPG或PNG，每个不超过5MB）</label><input id="correctionFiles" name="correctionFiles" type="file" multiple accept=".pdf,.jpg,.jpeg,.png"></div>
<button type="submit" class="primary">提交补正</button>
</form>`
    : ''
}
<h2>办理过程</h2>
<ol class="timeline">${v.timeline.map((e) => html`<li><time datetime="${e.date}">${formatChineseDate(e.date)}</time> ${e.summary}</li>`)}</ol>
<h2>文书与提供的信息</h2>
${
  v.files.length === 0
    ? html`<p>暂无。</p>`
    : html`<ul class="files">${v.files.map((f) => html`<li><form method="post" action="${base}track/file" class="inline">${hidden}<input type="hidden" name="fileId" value="${f.id}"><button type="submit" class="link">下载 ${f.label}：${f.filename}</button> <span class="tag"><time datetime="${f.date}">${formatChineseDate(f.date)}</time>${f.size === null ? '' : html`，${Math.ceil(f.size / 1024)} KB`}</span></form></li>`)}</ul>`
}
<p><a href="${base}track">查询其他申请</a></p>`;
  return layout({
    title: `申请 ${v.trackingNumber}`,
    crumbs: [{ label: '首页', href: '/' }, { label: agency.name, href: base }, { label: '办理进度' }],
    body,
  });
}

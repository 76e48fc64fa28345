/**
 * The online application form (第二十九条) and its receipt. Works without JavaScript; with it,
 * /gk-assets/applications/apply.js suggests already-published items while the applicant
 * describes the information (第三十六条第一项: published information only needs a pointer).
 */
import {
  APPLICANT_KIND_LABELS,
  APPLICANT_KINDS,
  ID_DOC_LABELS,
  ID_DOC_TYPES,
} from '../../../../domain/applications/applicant.ts';
import {
  DELIVERY_FORM_LABELS,
  DELIVERY_FORMS,
  DELIVERY_METHOD_LABELS,
  DELIVERY_METHODS,
} from '../../../../domain/applications/kinds.ts';
import { displayQueryCode } from '../../../../domain/applications/tracking.ts';
import { formatChineseDate } from '../../../../domain/time.ts';
import { html, type SafeHtml } from '../../../../http/html.ts';
import { layout } from '../../layout.ts';
import { errorSummary, radioField, selectField, textField, type FormState } from './fields.ts';

/** The agency the form is addressed to. */
export interface FormAgency {
  id: string;
  name: string;
  code: string;
}

/** Field labels, for the error summary. */
export const FIELD_LABELS: Record<string, string> = {
  applicantKind: '申请人类型',
  applicantName: '姓名或者名称',
  contactPerson: '联系人',
  idDocType: '身份证明类型',
  idNumber: '证件号码',
  phone: '联系电话',
  email: '电子邮箱',
  address: '通信地址',
  postcode: '邮政编码',
  infoTitle: '政府信息名称',
  infoDocNumber: '文号',
  infoDescription: '所需信息的描述',
  deliveryForm: '获取信息的形式',
  deliveryMethod: '获取信息的方式',
  attachments: '附件',
  form: '表单',
};

/**
 * 个人信息处理告知 (《中华人民共和国个人信息保护法》第十七条): who processes the applicant's
 * data, for what and how, what is collected, how long it is kept, and how to exercise their
 * rights (第四十四条至第四十七条) — shown before the applicant submits.
 */
export function privacyNotice(agency: FormAgency): SafeHtml {
  const base = `/gk/${encodeURIComponent(agency.code)}/`;
  return html`<section class="privacy-notice" aria-labelledby="privacy-title">
<h2 id="privacy-title">个人信息处理告知</h2>
<p>依据《中华人民共和国个人信息保护法》第十七条，提交前请阅读：</p>
<dl>
<dt>个人信息处理者</dt><dd>${agency.name}（联系方式见<a href="${base}guide#office">政府信息公开指南</a>）。</dd>
<dt>处理目的和方式</dt><dd>仅用于办理您的政府信息公开申请：核实申请人身份、与您联系、送达告知书和答复（《中华人民共和国政府信息公开条例》第二十九条）。不用于其他目的，不向无关方提供；征求第三方意见时不提供您的个人信息。</dd>
<dt>处理的个人信息</dt><dd>姓名或者名称、身份证件类型和号码、联系电话、电子邮箱、通信地址、邮政编码，以及您上传的附件。证件号码、联系电话和通信地址加密保存，工作人员只能看到部分隐去的号码。</dd>
<dt>保存期限</dt><dd>申请办结后，随申请材料按照《中华人民共和国档案法》和本机关档案管理规定保存；保存期满后删除或者销毁。</dd>
<dt>您的权利</dt><dd>您可以查阅、复制、更正、补充您的个人信息，在法律规定的情形下要求删除（个人信息保护法第四十四条至第四十七条），也可以撤回申请。请通过<a href="${base}guide#office">政府信息公开工作机构</a>的联系方式提出。</dd>
<dt>不提供的后果</dt><dd>姓名或者名称、身份证明和联系方式是《条例》第二十九条要求的内容，不提供的，本机关将请您补正；电子邮箱为选填。</dd>
</dl>
</section>`;
}

/** The form page; `tokens` are the CSRF token and the submission's idempotency token. */
export function applyPage(agency: FormAgency, state: FormState, tokens: { csrf: string; submission: string }): string {
  const base = `/gk/${encodeURIComponent(agency.code)}/`;
  const body = html`<h1>政府信息公开申请</h1>
<p>向 <strong>${agency.name}</strong> 申请获取政府信息（《中华人民共和国政府信息公开条例》第二十九条）。带 <span aria-hidden="true">*</span><span class="visually-hidden">星号</span> 的项目必须填写。</p>
${errorSummary(state, FIELD_LABELS)}
${state.errors.form ? html`<p class="field-error" role="alert">${state.errors.form}</p>` : ''}
<form class="apply" method="post" action="${base}apply" enctype="multipart/form-data" novalidate data-agency="${agency.code}">
<input type="hidden" name="csrf" value="${tokens.csrf}">
<input type="hidden" name="submission" value="${tokens.submission}">
<div class="hp" aria-hidden="true"><label for="website">请勿填写此项</label><input id="website" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>
<h2>申请人信息</h2>
${radioField(state, { name: 'applicantKind', legend: '申请人类型', options: APPLICANT_KINDS.map((k) => [k, k === 'natural_person' ? '自然人（公民）' : `法人或者其他组织：${APPLICANT_KIND_LABELS[k]}`]) })}
${textField(state, { name: 'applicantName', label: '姓名或者名称', required: true, autocomplete: 'name', maxlength: 100 })}
${textField(state, { name: 'contactPerson', label: '联系人（法人或者其他组织填写）', maxlength: 50 })}
${selectField(state, { name: 'idDocType', label: '身份证明类型', options: ID_DOC_TYPES.map((t) => [t, ID_DOC_LABELS[t]]), hint: '法人或者其他组织请选择统一社会信用代码' })}
${textField(state, { name: 'idNumber', label: '证件号码', required: true, maxlength: 30, hint: '居民身份证号码和统一社会信用代码将核对校验位' })}
${textField(state, { name: 'phone', label: '联系电话', required: true, type: 'tel', autocomplete: 'tel', inputmode: 'tel', maxlength: 20 })}
${textField(state, { name: 'email', label: '电子邮箱（选填）', type: 'email', autocomplete: 'email', maxlength: 100, hint: '填写后，申请收到、需要补正、答复期限变化、出具文书和答复时，我们会发邮件告诉您（邮件只含申请编号和查询页面地址，不含您的个人信息）' })}
${textField(state, { name: 'address', label: '通信地址', autocomplete: 'street-address', maxlength: 200, hint: '选择邮寄方式的必须填写' })}
${textField(state, { name: 'postcode', label: '邮政编码', autocomplete: 'postal-code', inputmode: 'numeric', maxlength: 6 })}
<h2>所需政府信息</h2>
<p class="hint">请至少填写信息名称、文号或者便于查询的其他特征性描述中的一项（第二十九条第二款第二项）。</p>
${textField(state, { name: 'infoTitle', label: '政府信息名称', maxlength: 200 })}
${textField(state, { name: 'infoDocNumber', label: '文号', maxlength: 100 })}
${textField(state, { name: 'infoDescription', label: '所需信息的描述', rows: 5, hint: '例如：信息的内容、形成时间、涉及的项目或者事项。不超过2000个字；超出时会提示，已填写的内容不会丢失' })}
<div id="suggestions" class="suggestions" aria-live="polite"></div>
<h2>获取方式</h2>
${radioField(state, { name: 'deliveryForm', legend: '获取信息的形式', options: DELIVERY_FORMS.map((f) => [f, DELIVERY_FORM_LABELS[f]]) })}
${radioField(state, { name: 'deliveryMethod', legend: '获取信息的方式', options: DELIVERY_METHODS.map((m) => [m, DELIVERY_METHOD_LABELS[m]]) })}
<h2>附件</h2>
<div class="field${state.errors.attachments ? ' has-error' : ''}">
<label for="attachments">身份证明、授权委托书等（可选）</label>
<p class="hint" id="attachments-hint">PDF、JPG或PNG格式，每个文件不超过5MB。出错时需重新选择附件，其他内容会保留。</p>
${state.errors.attachments ? html`<p class="field-error" id="attachments-error">${state.errors.attachments}</p>` : ''}
<input id="attachments" name="attachments" type="file" multiple accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" aria-describedby="attachments-hint${state.errors.attachments ? ' attachments-error' : ''}">
</div>
${privacyNotice(agency)}
<p class="notice">提交后本机关将与您确认收到申请；依据第三十一条第三项，通过互联网提交的申请以双方确认之日为收到申请之日，答复期限自该日起计算。</p>
<button type="submit" class="primary">提交申请</button>
</form>
<script src="/gk-assets/applications/apply.js" defer></script>`;
  return layout({
    title: '政府信息公开申请',
    crumbs: [{ label: '首页', href: '/' }, { label: agency.name, href: base }, { label: '在线申请' }],
    body,
  });
}

/** The receipt, printable: tracking number, query code and the 第三十一条 statement. */
export function receiptPage(
  agency: FormAgency,
  r: { trackingNumber: string; queryCode: string; arrivalDate: string; applicantName: string; summary: string },
): string {
  const base = `/gk/${encodeURIComponent(agency.code)}/`;
  const body = html`<h1>申请已提交</h1>
<section class="receipt" aria-labelledby="receipt-title">
<h2 id="receipt-title">政府信息公开申请回执</h2>
<dl class="contact">
<dt>受理机关</dt><dd>${agency.name}</dd>
<dt>申请编号</dt><dd><strong class="tracking-number">${r.trackingNumber}</strong></dd>
<dt>查询码</dt><dd><strong class="query-code">${displayQueryCode(r.queryCode)}</strong></dd>
<dt>提交日期</dt><dd>${formatChineseDate(r.arrivalDate)}</dd>
<dt>申请人</dt><dd>${r.applicantName}</dd>
<dt>所需信息</dt><dd>${r.summary}</dd>
</dl>
<p class="notice">请妥善保存申请编号和查询码，凭其查询办理进度、补正申请和下载答复。查询码只显示这一次。</p>
<p class="notice">依据《中华人民共和国政府信息公开条例》第三十一条第三项，通过互联网渠道提交的政府信息公开申请，以双方确认之日为收到申请之日。本机关确认收到申请后，答复期限自确认之日起计算，确认日期可在查询页面查看。</p>
</section>
<p><a href="${base}track">查询办理进度</a> · 打印本页：使用浏览器的打印功能（Ctrl+P）</p>`;
  return layout({
    title: '申请已提交',
    crumbs: [{ label: '首页', href: '/' }, { label: agency.name, href: base }, { label: '申请回执' }],
    body,
  });
}

/**
 * An item's public page at its stable URL `/gk/items/:id`: the 目录 elements of 第十二条 (索引号,
 * 名称, 内容概述, 生成日期) with 文号, 发布机构, 发布日期 and, for 规章 and 规范性文件, validity;
 * the sanitized text; attachments; and its history (publication, corrections with reasons,
 * withdrawal with its reason). A withdrawn item shows its history, not its text.
 */
import {
  DOC_TYPE_LABELS,
  hasValidity,
  statutoryItem,
  VALIDITY_LABELS,
  validityOn,
  type DocType,
} from '../../../../domain/catalog/index.ts';
import { formatChineseDate, formatChineseDateTime, shanghaiDate } from '../../../../domain/time.ts';
import type { PublicItemPage } from '../../../../modules/catalog/public.service.ts';
import { html, raw } from '../../../../http/html.ts';
import { columnPage } from './column.ts';

const STEP_LABELS = {
  approve: '发布',
  import: '发布（自原公开目录导入）',
  correct: '更正',
  withdraw: '撤回',
  repealed: '废止',
  lapsed: '失效',
  revised: '已修订',
} as const;

function size(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** `/gk/items/:id`. */
export function itemPage(p: PublicItemPage, now: Date): string {
  const i = p.item;
  const today = shanghaiDate(now);
  const validity = hasValidity(i.docType) ? VALIDITY_LABELS[validityOn(i, today)] : null;
  const rows: Array<[string, string]> = [
    ['索引号', i.indexNo ?? ''],
    ['发布机构', i.publisher],
    [
      '公开事项',
      `${statutoryItem(i.statutoryItem)?.article ?? ''} ${statutoryItem(i.statutoryItem)?.name ?? ''}${p.category ? ` · ${p.category.name}` : ''}`,
    ],
    ['文件类型', DOC_TYPE_LABELS[i.docType as DocType] ?? ''],
    ['文号', i.docNumber],
    ['成文日期', formatChineseDate(i.formedOn)],
    ['发布日期', i.publishedOn ? formatChineseDate(i.publishedOn) : ''],
    ['施行日期', i.effectiveOn ? formatChineseDate(i.effectiveOn) : ''],
    [
      '有效性',
      validity ? `${validity}${i.endedOn && i.endedOn <= today ? `（${formatChineseDate(i.endedOn)}起）` : ''}` : '',
    ],
  ];
  const withdrawn = i.state === 'withdrawn';
  // 图解 of a 解读: its images, shown in the page (and still listed as downloads).
  const graphics =
    i.docType === 'policy_interpretation' ? p.attachments.filter((a) => a.mediaType.startsWith('image/')) : [];
  const body = html`<article>
<h1>${i.title}</h1>
${withdrawn ? html`<p class="notice" role="status">本信息已于${formatChineseDate(i.withdrawnOn ?? '')}撤回。撤回理由：${i.withdrawReason ?? ''}</p>` : ''}
<table class="props"><caption class="visually-hidden">信息属性</caption><tbody>${rows.filter(([, v]) => v.trim()).map(([k, v]) => html`<tr><th scope="row">${k}</th><td>${v}</td></tr>`)}</tbody></table>
${p.replaces ? html`<p>本文件修订了：<a href="/gk/items/${p.replaces.id}">${p.replaces.title}</a></p>` : ''}
${p.replacedBy ? html`<p class="notice">本文件已被修订：<a href="/gk/items/${p.replacedBy.id}">${p.replacedBy.title}</a></p>` : ''}
${p.interprets ? html`<p class="notice interprets">本文是对<a href="/gk/items/${p.interprets.id}" rel="up">《${p.interprets.title}》</a>的政策解读。</p>` : ''}
${i.summary ? html`<p><strong>内容概述：</strong>${i.summary}</p>` : ''}
${withdrawn ? '' : html`<div class="body">${raw(i.bodyHtml)}</div>`}
${withdrawn || !graphics.length ? '' : html`<section aria-labelledby="graphics"><h2 id="graphics">图解</h2>${graphics.map((a) => html`<figure class="graphic"><img src="/gk/items/${i.id}/files/${a.id}" alt="图解：${i.title}（文字内容见正文）" loading="lazy"><figcaption>${a.fileName}</figcaption></figure>`)}</section>`}
${withdrawn || !i.videoUrl ? '' : html`<p class="video"><a href="${i.videoUrl}" rel="noopener noreferrer">观看视频解读</a>（外部网站）</p>`}
${withdrawn || !i.qa.length ? '' : html`<section aria-labelledby="qa"><h2 id="qa">问答</h2><dl class="qa">${i.qa.map((q) => html`<dt>问：${q.question}</dt><dd>答：${q.answer}</dd>`)}</dl></section>`}
${p.interpretations.length ? html`<section aria-labelledby="interpretations"><h2 id="interpretations">政策解读</h2><ul class="items">${p.interpretations.map((x) => html`<li><a href="/gk/items/${x.id}">${x.title}</a><span class="meta">${x.publishedOn ? formatChineseDate(x.publishedOn) : ''}</span></li>`)}</ul></section>` : ''}
${p.attachments.length ? html`<section aria-labelledby="files"><h2 id="files">附件</h2><ul>${p.attachments.map((a) => html`<li><a href="/gk/items/${i.id}/files/${a.id}" download="${a.fileName}">${a.fileName}</a>（${size(a.size)}）</li>`)}</ul></section>` : ''}
<section aria-labelledby="history"><h2 id="history">公开记录</h2>
<ol class="history">${p.history.map((h) => html`<li>${formatChineseDateTime(new Date(h.at))}\u3000${STEP_LABELS[h.step]}${h.reason ? html`：${h.reason}` : ''}${h.before && h.before.title !== i.title ? html`（更正前标题：${h.before.title}）` : ''}</li>`)}</ol>
</section>
</article>`;
  return columnPage({ name: p.agency.name, code: p.agency.code }, 'item', i.title, body, [
    { label: '法定主动公开内容', href: `/gk/${p.agency.code}/catalog` },
  ]);
}

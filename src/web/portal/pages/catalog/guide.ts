/**
 * 政府信息公开指南 (第十二条): generated from the agency's data — its categories and 编排体系,
 * how to obtain information, the disclosure office's name, address, hours, telephone, fax and
 * internet contact — with the sections the agency chose to rewrite taking their place.
 */
import type { AgencyContact } from '../../../../domain/agency.ts';
import { html, raw, type SafeHtml } from '../../../../http/html.ts';
import { columnPage } from './column.ts';
import { contactEntries } from '../contact.ts';

export interface GuideModel {
  agency: { name: string; code: string; contact: AgencyContact };
  columns: Array<{ article: string; name: string; categories: string[] }>;
  /** The 索引号 rule in words (never the raw template). */
  indexRule: string;
  /** The column's absolute address, the 指南's 互联网联系方式. */
  columnUrl: string;
  /** Sanitized HTML of rewritten sections. */
  edited: Partial<Record<'intro' | 'classification' | 'obtaining' | 'applications' | 'remedies', string>>;
}

function section(id: string, title: string, edited: string | undefined, generated: SafeHtml): SafeHtml {
  return html`<section aria-labelledby="${id}"><h2 id="${id}">${title}</h2>${edited ? raw(edited) : generated}</section>`;
}

/** `/gk/:code/guide`. */
export function guidePage(m: GuideModel): string {
  const a = m.agency;
  const c = a.contact;
  const contact: Array<[string, string]> = [['工作机构', `${a.name}政府信息公开工作机构`], ...contactEntries(c)];
  const body = html`<h1>${a.name}政府信息公开指南</h1>
${section('intro', '一、总则', m.edited.intro, html`<p>为便于公民、法人和其他组织获取本机关的政府信息，根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第十二条，编制本指南。本指南随本机关政府信息公开工作的变化及时更新。</p>`)}
${section(
  'classification',
  '二、主动公开的信息分类和编排体系',
  m.edited.classification,
  html`<p>本机关依照《条例》第二十条、第二十一条确定主动公开的内容，按下列事项和类别编排；每条信息有唯一的索引号，并载明名称、内容概述和生成日期。${m.indexRule}</p>
<ul>${m.columns.map((col) => html`<li>${col.article}\u3000${col.name}${col.categories.length ? html`（${col.categories.join('、')}）` : ''}</li>`)}</ul>`,
)}
${section('obtaining', '三、获取方式', m.edited.obtaining, html`<p>主动公开的政府信息，自形成或者变更之日起20个工作日内在本专栏公开（《条例》第二十六条），可以在线检索、查阅和下载（第二十四条）；也可以到国家档案馆、公共图书馆和政务服务场所查阅（第二十五条）。</p><p><a href="/gk/${a.code}/catalog">查看法定主动公开内容</a>\u3000<a href="/gk/search?agency=${encodeURIComponent(a.code)}">检索</a></p>`)}
${section('applications', '四、依申请公开', m.edited.applications, html`<p>公民、法人或者其他组织可以向本机关申请获取政府信息（《条例》第二十七条）。申请可以在线提交、当面提交或者邮寄提交，应当包括申请人的姓名或者名称、身份证明、联系方式，所需信息的名称、文号或者便于查询的其他特征性描述，以及获取信息的方式和途径（第二十九条）。本机关收到申请后，能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复，需要延长的经批准可延长不超过20个工作日（第三十三条）。</p><p><a href="/gk/${a.code}/apply">在线提交申请</a></p>`)}
${section('office', '五、政府信息公开工作机构', undefined, html`<dl class="contact">${contact.filter(([, v]) => v).map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}<dt>互联网联系方式</dt><dd><a href="${m.columnUrl}">${m.columnUrl}</a>（本机关政府信息公开专栏）</dd></dl>`)}
${section('remedies', '六、监督和救济', m.edited.remedies, html`<p>公民、法人或者其他组织认为本机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（《条例》第五十一条）。</p>`)}`;
  return columnPage(a, 'guide', '政府信息公开指南', body);
}

/** `/gk/:code/rules`: the 政府信息公开制度 the agency wrote (sanitized HTML). */
export function rulesPage(agency: { name: string; code: string }, rulesHtml: string): string {
  const body = rulesHtml
    ? html`<h1>政府信息公开制度</h1><div class="body">${raw(rulesHtml)}</div>`
    : html`<h1>政府信息公开制度</h1><p>本机关尚未在本专栏登载政府信息公开工作制度。</p>`;
  return columnPage(agency, 'rules', '政府信息公开制度', body);
}

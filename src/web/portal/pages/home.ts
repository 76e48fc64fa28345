import { AGENCY_LEVEL_LABELS, type AgencyLevel } from '../../../domain/agency.ts';
import { formatChineseDate } from '../../../domain/time.ts';
import { html, type SafeHtml } from '../../../http/html.ts';
import { layout } from '../layout.ts';

export interface AgencyNode {
  name: string;
  code: string;
  level: AgencyLevel;
  children: AgencyNode[];
}

function tree(nodes: AgencyNode[]): SafeHtml {
  return html`<ul class="tree">${nodes.map(
    (n) =>
      html`<li><a href="/gk/${n.code}/">${n.name}</a><span class="tag">${AGENCY_LEVEL_LABELS[n.level]}</span>${n.children.length ? tree(n.children) : ''}</li>`,
  )}</ul>`;
}

/** One agency's newest public item, for 各机关最新公开. */
export interface AgencyUpdate {
  id: string;
  title: string;
  publishedOn: string;
  agency: { name: string; code: string };
}

/** `/`: each agency's latest update, a search box, and every agency on the platform by the tree. */
export function homePage(roots: AgencyNode[], updates: AgencyUpdate[] = []): string {
  return layout({
    title: '政府信息公开专栏',
    body: html`<h1>政府信息公开专栏</h1>
<p>依据《中华人民共和国政府信息公开条例》，以下行政机关在本平台公开政府信息、受理政府信息公开申请。请选择机关进入其政府信息公开专栏。</p>
<form class="front-search" method="get" action="/gk/search" role="search" aria-label="检索全部机关">
<label for="home-q">检索政府信息</label>
<input id="home-q" type="search" name="q" maxlength="100" placeholder="输入标题、文号或关键词">
<button type="submit">检索</button>
</form>
<section aria-labelledby="updates">
<h2 id="updates">各机关最新公开</h2>
${updates.length ? html`<ul class="updates">${updates.map((u) => html`<li><a href="/gk/${u.agency.code}/">${u.agency.name}</a>：<a href="/gk/items/${u.id}">${u.title}</a> <span class="meta">${u.publishedOn ? formatChineseDate(u.publishedOn) : ''}</span></li>`)}</ul>` : html`<p>暂无公开信息。</p>`}
</section>
<h2 id="agencies">机关列表</h2>
${roots.length ? tree(roots) : html`<p>平台尚未登记任何机关。</p>`}`,
  });
}

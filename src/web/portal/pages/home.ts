import { AGENCY_LEVEL_LABELS, type AgencyLevel } from '../../../domain/agency.ts';
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

/** `/`: every agency on the platform, by the tree. */
export function homePage(roots: AgencyNode[]): string {
  return layout({
    title: '政府信息公开专栏',
    body: html`<h1>政府信息公开专栏</h1>
<p>依据《中华人民共和国政府信息公开条例》，以下行政机关在本平台公开政府信息、受理政府信息公开申请。请选择机关进入其政府信息公开专栏。</p>
<h2 id="agencies">机关列表</h2>
${roots.length ? tree(roots) : html`<p>平台尚未登记任何机关。</p>`}`,
  });
}

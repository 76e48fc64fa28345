/**
 * The portal side of annual reports (第四十九条: 向社会公布): the 政府信息公开年报 page of each
 * agency lists its published reports (annual-reports.ts), and
 * `/gk/:code/reports/:year` shows the latest published version as HTML — the same sections and
 * tables as the DOCX, readable without JavaScript — with links to earlier versions and files.
 */
import { portalLimits } from '../../limits.ts';
import type { FastifyPluginAsync } from 'fastify';
import { formatChineseDate } from '../../../../domain/time.ts';
import { html } from '../../../../http/html.ts';
import { notFoundPage } from '../agency.ts';
import { columnPage } from '../catalog/column.ts';
import { publicAgencyByCode } from '../../../../modules/agencies/agencies.service.ts';
import { exportReport, reportBodyHtml } from '../../../../modules/reports/export/index.ts';
import * as repo from '../../../../modules/reports/reports.repository.ts';

export const reportPortalRoutes: FastifyPluginAsync = async (app) => {
  const { db, config } = app.ctx;
  const opts = { config: { rateLimit: portalLimits(config).page, publicPage: true } };

  app.get<{ Params: { code: string; year: string }; Querystring: { version?: string; format?: string } }>(
    '/gk/:code/reports/:year',
    opts,
    async (request, reply) => {
      const agency = await publicAgencyByCode(db, request.params.code);
      const year = Number(request.params.year);
      const record = agency && Number.isInteger(year) ? await repo.findReport(db, agency.id, year) : null;
      if (!agency || !record || record.currentVersion === 0)
        return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage('该年度报告尚未发布。'));
      const versions = await repo.listVersions(db, record.id);
      const wanted = request.query.version ? Number(request.query.version) : record.currentVersion;
      const v = versions.find((x) => x.version === wanted);
      if (!v) return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage('该版本不存在。'));
      const input = { report: v.report, preamble: v.preamble, version: { number: v.version, reason: v.reason } };
      const format = request.query.format;
      if (format === 'docx' || format === 'pdf' || format === 'xlsx' || format === 'json') {
        const file = await exportReport(input, format);
        return reply
          .type(file.contentType)
          .header(
            'content-disposition',
            `attachment; filename="report.${format}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
          )
          .send(file.data);
      }
      const base = `/gk/${agency.code}/reports/${year}`;
      const q = (f: string) => `${base}?version=${v.version}&format=${f}`;
      const body = html`<style>.report-table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.875rem}.report-table th,.report-table td{border:1px solid #6e7781;padding:.25rem .375rem;text-align:center}.report-table td.label{text-align:left}.annual-report .signature{text-align:right}</style>
${reportBodyHtml(input)}
<p>下载：<a href="${q('docx')}">Word（DOCX）</a> · <a href="${q('pdf')}">PDF</a> · <a href="${q('xlsx')}">表格（XLSX）</a> · <a href="${q('json')}">数据（JSON）</a></p>
${versions.length > 1 ? html`<h2>历次版本</h2><ul class="items">${[...versions].reverse().map((x) => html`<li><a href="${base}?version=${x.version}"${x.version === v.version ? html` aria-current="page"` : ''}>第${x.version}版</a><span class="meta">${formatChineseDate(x.publishedOn)}${x.reason ? `，${x.reason}` : ''}</span></li>`)}</ul>` : ''}`;
      return reply
        .type('text/html; charset=utf-8')
        .send(
          columnPage(agency, 'reports', `${year}年年度报告`, body, [
            { label: '政府信息公开年报', href: `/gk/${agency.code}/reports` },
          ]),
        );
    },
  );
};

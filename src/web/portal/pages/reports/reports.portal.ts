/**
 * The portal side of annual reports (第四十九条: 向社会公布): the 政府信息公开年报 page of each
 * agency lists its published reports (annual-reports.ts), and
 * `/gk/:code/reports/:year` shows the latest published version as HTML — the same sections and
 * tables as the DOCX, readable without JavaScript — with links to earlier versions and files.
 */
import { portalLimits } from '../../limits.ts';
import type { FastifyPluginAsync } from 'fastify';
import { formatChineseDate } from '../../../../domain/time.ts';
import { html, raw } from '../../../../http/html.ts';
import {
  publishedOriginal,
  publishedPastReport,
  type PublishedPastReport,
} from '../../../../modules/report-import/past-reports.service.ts';
import { notFoundPage } from '../agency.ts';
import { columnPage } from '../catalog/column.ts';
import { publicAgencyByCode } from '../../../../modules/agencies/agencies.service.ts';
import { exportReport, REPORT_PRINT_CSS, reportBodyHtml } from '../../../../modules/reports/export/index.ts';
import * as repo from '../../../../modules/reports/reports.repository.ts';

/** The report's tables on a portal page, and its print layout (sub-table titles kept with their tables). */
const TABLE_STYLE = raw(
  `<style>.report-table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.875rem}.report-table th,.report-table td{border:1px solid #6e7781;padding:.25rem .375rem;text-align:center}.report-table td.label{text-align:left}.annual-report .signature{text-align:right}${REPORT_PRINT_CSS}</style>`,
);

/** The page of a past report imported as published (原文导入): the original to download, the tables as read. */
function pastReportPage(agency: { name: string; code: string }, past: PublishedPastReport): string {
  const { publication, imported, original } = past;
  const year = publication.year;
  const size = original ? `${Math.max(1, Math.round(original.size / 1024))} KB` : '';
  const body = html`${TABLE_STYLE}
<p class="notice"><span class="tag">原文导入</span> 本报告是本机关使用本平台之前于${formatChineseDate(publication.publishedOn)}发布的${year}年度报告。以原文件为准；下面的内容与表格由原文件读取，按统一格式排版，便于阅读。</p>
${original ? html`<p>原文下载：<a href="/gk/${agency.code}/reports/${year}/original" download>${original.fileName}</a><span class="meta">（${size}）</span></p>` : ''}
${reportBodyHtml({ report: imported.report })}`;
  return columnPage(agency, 'reports', `${year}年年度报告`, body, [
    { label: '政府信息公开年报', href: `/gk/${agency.code}/reports` },
  ]);
}

export const reportPortalRoutes: FastifyPluginAsync = async (app) => {
  const { db, config } = app.ctx;
  const opts = { config: { rateLimit: portalLimits(config).page, publicPage: true } };

  app.get<{ Params: { code: string; year: string } }>(
    '/gk/:code/reports/:year/original',
    opts,
    async (request, reply) => {
      const agency = await publicAgencyByCode(db, request.params.code);
      const year = Number(request.params.year);
      const file = agency && Number.isInteger(year) ? await publishedOriginal(db, agency.id, year) : null;
      if (!file)
        return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage('该年度报告没有原文可下载。'));
      const ext = /\.[A-Za-z0-9]{1,5}$/.exec(file.fileName)?.[0] ?? '';
      return reply
        .type(file.mediaType)
        .header(
          'content-disposition',
          `attachment; filename="report-${year}${ext}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .send(file.content);
    },
  );

  app.get<{ Params: { code: string; year: string }; Querystring: { version?: string; format?: string } }>(
    '/gk/:code/reports/:year',
    opts,
    async (request, reply) => {
      const agency = await publicAgencyByCode(db, request.params.code);
      const year = Number(request.params.year);
      const record = agency && Number.isInteger(year) ? await repo.findReport(db, agency.id, year) : null;
      if (agency && (!record || record.currentVersion === 0)) {
        // A report from before the agency used Gongkai, published as its original file (issue 16).
        const past = Number.isInteger(year) ? await publishedPastReport(db, agency.id, year) : null;
        if (past) return reply.type('text/html; charset=utf-8').send(pastReportPage(agency, past));
      }
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
      const body = html`${TABLE_STYLE}
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

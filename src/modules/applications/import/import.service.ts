/**
 * Legacy intake from XLSX or CSV (columns in src/domain/applications/legacy.ts and
 * docs/applications.md). Every row is checked first and every problem is reported with its row
 * number. Three modes: `check` (a dry run: the report, nothing written), `valid` (the rows
 * without problems are imported and the others listed — only when the user asks for it) and
 * `all` (all or nothing: only a clean file is imported). Imports run in one transaction. The
 * clock events of each row are built so that computeClock derives exactly the closure the file
 * states (a reply, a withdrawal, a lapsed correction or fee), and the row is refused when it cannot.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import {
  checkLegacyRow,
  LEGACY_COLUMNS,
  type LegacyColumn,
  type LegacyRow,
} from '../../../domain/applications/legacy.ts';
import { clockChannel } from '../../../domain/applications/kinds.ts';
import { DEFAULT_TRACKING_PATTERN, formatTrackingNumber } from '../../../domain/applications/tracking.ts';
import { parseDate } from '../../../domain/calendar/calendar.ts';
import { formatIsoDate } from '../../../domain/calendar/dates.ts';
import { DEFAULT_CLOCK_SETTINGS } from '../../../domain/clock/settings.ts';
import type { Calendar } from '../../../domain/calendar/calendar.ts';
import { DomainError, ValidationError } from '../../../domain/errors.ts';
import { decodeText, parseCsv } from '../../../domain/csv.ts';
import { shanghaiDate } from '../../../domain/time.ts';
import type { Actor } from '../../../policies/actor.ts';
import { authorize } from '../../../policies/can.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { calendarFor } from '../applications.calendar.ts';
import { clockOf, derivedColumns } from '../applications.clock.ts';
import { queryCodeHash, type AppDeps } from '../applications.deps.ts';
import * as events from '../applications.events.repository.ts';
import * as repo from '../applications.repository.ts';

const MAX_ROWS = 20_000;

/** Cells by header from an XLSX (first sheet) or a CSV (UTF-8, or GB18030 as Excel saves it in China). */
export async function readTable(content: Buffer): Promise<Array<Record<string, string>>> {
  const type = await fileTypeFromBuffer(content);
  let grid: string[][];
  if (type?.ext === 'xlsx') {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(content as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    if (!sheet) throw new ValidationError({ file: '工作簿中没有工作表' });
    grid = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: string[] = [];
      for (let c = 1; c <= LEGACY_COLUMNS.length + 5; c++) {
        const v = row.getCell(c).value;
        cells.push(
          v instanceof Date
            ? v.toISOString().slice(0, 10)
            : v === null || v === undefined
              ? ''
              : typeof v === 'object' && 'text' in v
                ? String(v.text)
                : String(v),
        );
      }
      grid.push(cells);
    });
  } else if (!type) {
    grid = parseCsv(decodeText(content));
  } else {
    throw new ValidationError({ file: '只接受XLSX或CSV文件（按文件内容识别）' });
  }
  const [header, ...rows] = grid.filter((r) => r.some((c) => c.trim() !== ''));
  if (!header) throw new ValidationError({ file: '文件为空' });
  const names = header.map((h) => h.trim().replace(/\*$/, ''));
  for (const required of ['申请人类型', '申请人', '收到申请之日'])
    if (!names.includes(required)) throw new ValidationError({ file: `缺少“${required}”列；列名见导入说明` });
  if (rows.length > MAX_ROWS) throw new ValidationError({ file: `一次最多导入${MAX_ROWS}行` });
  return rows.map((r) => Object.fromEntries(names.map((n, i) => [n, (r[i] ?? '').trim()])));
}

type Stored = Omit<events.EventRecord, 'seq'>;

/** The events of one row, such that the clock derives the stated closure; null when it cannot. */
function eventsOf(
  r: LegacyRow,
  cal: Calendar,
  today: string,
  stamp: (type: string, date: string, payload: Record<string, unknown>, summary: string) => Stored,
): Stored[] | null {
  const out = [
    stamp('arrived', r.arrivalDate, { channel: clockChannel(r.channel) }, '收到申请（历史数据导入）'),
    stamp('received', r.receivedDate, {}, '收到申请（第三十一条）'),
  ];
  if (!r.closedDate || !r.outcome) return out;
  const closedBefore = formatIsoDate(parseDate(r.closedDate) - 1);
  if (r.outcome === 'other_no_correction')
    return [
      ...out,
      stamp('correctionRequested', r.receivedDate, { periodEnd: closedBefore, items: '（历史数据）' }, '告知补正'),
    ];
  if (r.outcome === 'other_no_fee') {
    // The fee notice whose payment period (the clock's setting, as computeClock counts it) ends the day before the closure.
    const days = DEFAULT_CLOCK_SETTINGS.feePaymentWorkingDays;
    const due = (f: string) => cal.addWorkingDays(f, days, { provisional: true }).value;
    const candidates = r.feeNoticeDate
      ? [r.feeNoticeDate]
      : Array.from({ length: 3 * days }, (_, i) => formatIsoDate(parseDate(closedBefore) - days - i));
    const f = candidates.find((d) => d >= r.receivedDate && d <= today && due(d) === closedBefore);
    return f ? [...out, stamp('feeNotice', f, {}, '发出收费通知')] : null;
  }
  if (r.outcome === 'other_other') return [...out, stamp('withdrawn', r.closedDate, {}, '申请人撤回申请')];
  return [...out, stamp('replied', r.closedDate, { outcome: r.outcome }, '答复（历史数据导入）')];
}

/** How an import treats rows with problems. */
export type LegacyImportMode = 'check' | 'valid' | 'all';

/** What a check or an import found: rows read, rows without problems, rows imported, and each problem row. */
export interface LegacyImportReport {
  rows: number;
  valid: number;
  imported: number;
  errors: Array<{ row: number; messages: string[] }>;
}

interface CheckedFile {
  rows: number;
  prepared: Array<{ line: number; row: LegacyRow; stored: Stored[] }>;
  errors: Array<{ row: number; messages: string[] }>;
}

/** Reads and checks every row of a file against the rules and the agency's existing 申请编号; writes nothing. */
async function checkFile(deps: AppDeps, actor: Actor, agencyId: string, content: Buffer): Promise<CheckedFile> {
  const { db, clock } = deps;
  const table = await readTable(content);
  const today = shanghaiDate(clock.now());
  const cal = await calendarFor(db);
  const at = clock.now().toISOString();
  const stamp = (type: string, date: string, payload: Record<string, unknown>, summary: string): Stored => ({
    type,
    date,
    payload,
    public: true,
    summary,
    actorName: actor.name,
    at,
  });
  const errors: CheckedFile['errors'] = [];
  const prepared: CheckedFile['prepared'] = [];
  const firstLineOf = new Map<string, number>();
  for (const [i, cells] of table.entries()) {
    const line = i + 2;
    const checked = checkLegacyRow(cells as Partial<Record<LegacyColumn, string>>, today);
    if ('errors' in checked) {
      errors.push({ row: line, messages: checked.errors });
      continue;
    }
    const number = checked.row.trackingNumber;
    if (number) {
      const earlier = firstLineOf.get(number);
      if (earlier !== undefined) {
        errors.push({ row: line, messages: [`申请编号${number}与第${earlier}行重复`] });
        continue;
      }
      firstLineOf.set(number, line);
      if (await repo.findByTracking(db, agencyId, number)) {
        errors.push({ row: line, messages: [`申请编号${number}已存在`] });
        continue;
      }
    }
    const stored = eventsOf(checked.row, cal, today, stamp);
    if (!stored) {
      errors.push({
        row: line,
        messages: ['逾期未缴费的办结日期应为缴费期限（收费通知后20个工作日）届满的次日，请填写或核对“收费通知日期”'],
      });
      continue;
    }
    const mismatch = clockMismatch(stored, checked.row, today, cal);
    if (mismatch) {
      errors.push({ row: line, messages: [mismatch] });
      continue;
    }
    prepared.push({ line, row: checked.row, stored });
  }
  return { rows: table.length, prepared, errors };
}

/**
 * Checks (`check`) or imports a file of historical applications into an agency. `all` refuses
 * the whole file while any row has a problem (ValidationError naming every row); `valid`
 * imports the rows without problems and lists the others.
 */
export async function importLegacy(
  deps: AppDeps,
  actor: Actor,
  agencyId: string,
  content: Buffer,
  mode: LegacyImportMode = 'all',
): Promise<LegacyImportReport> {
  const { db, clock, cipher } = deps;
  authorize(actor, 'applications.register', { agencyId });
  const { rows, prepared, errors } = await checkFile(deps, actor, agencyId, content);
  if (rows === 0) throw new ValidationError({ file: '文件中没有数据行' });
  const report = { rows, valid: prepared.length, imported: 0, errors };
  if (mode === 'check') return report;
  if (mode === 'all' && errors.length > 0) {
    throw new ValidationError(
      Object.fromEntries(errors.map((e) => [`row${e.row}`, `第${e.row}行：${e.messages.join('；')}`])),
      `有${errors.length}行需要修改，未导入任何数据`,
    );
  }
  if (prepared.length === 0)
    throw new ValidationError(
      { file: '没有可以导入的行：每一行都有需要修改的地方' },
      '没有可以导入的行，未导入任何数据',
    );
  const today = shanghaiDate(clock.now());
  const cal = await calendarFor(db);
  const at = clock.now().toISOString();
  await db.transaction().execute(async (tx) => {
    const pattern = (await repo.findTrackingPattern(tx, agencyId)) ?? DEFAULT_TRACKING_PATTERN;
    for (const { row, stored } of prepared) {
      const year = Number(row.arrivalDate.slice(0, 4));
      const seq = await repo.nextSeq(tx, agencyId, year);
      const trackingNumber = row.trackingNumber ?? formatTrackingNumber(pattern, year, seq);
      if (await repo.findByTracking(tx, agencyId, trackingNumber))
        throw new DomainError('CONFLICT', `申请编号${trackingNumber}已存在，未导入任何数据`);
      const id = randomUUID();
      const empty = cipher.encrypt('');
      await repo.insertApplication(tx, {
        id,
        agencyId,
        kind: 'disclosure',
        trackingNumber,
        year,
        seq,
        queryCodeHash: queryCodeHash(deps.secret, randomUUID()),
        channel: row.channel,
        oral: row.channel === 'oral',
        arrivalDate: row.arrivalDate,
        recordsOutcome: null,
        applicantKind: row.applicantKind,
        applicantName: row.applicantName,
        contactPerson: '',
        idDocType: 'other',
        idNumberEnc: empty,
        // No identity number in old registers: the applicant is recognised by name within the agency.
        idNumberHash: cipher.keyedHash(`LEGACY:${row.applicantName}`),
        idNumberMasked: '',
        phoneEnc: empty,
        phoneMasked: '',
        email: '',
        emailEnc: '',
        emailMasked: '',
        addressEnc: empty,
        addressMasked: '',
        postcode: '',
        infoTitle: '',
        infoDocNumber: '',
        infoDescription: row.description,
        deliveryForm: 'paper',
        deliveryMethod: 'post',
        handlerId: null,
        idempotencyKey: null,
        extensionRequestedDays: null,
        extensionReason: null,
        reasonsAsked: false,
        feeBasis: null,
        feeAmount: null,
        decisionOutcome: row.outcome,
        decisionBasis: null,
        decisionReasons: null,
        responsibleAgency: null,
        decisionStatus: row.closedDate ? 'sent' : null,
        decidedBy: null,
        reviewedBy: null,
        reviewedAt: null,
        signedBy: null,
        signedAt: null,
        archivedAt: null,
        createdAt: at,
        updatedAt: at,
        ...derivedColumns(
          clockOf(
            stored.map((e, k) => ({ ...e, seq: k + 1 })),
            today,
            cal,
          ),
          [],
        ),
      });
      for (const e of stored) await events.insertEvent(tx, id, e);
    }
    const skipped =
      errors.length > 0 ? `，跳过有误的${errors.length}行（第${errors.map((e) => e.row).join('、')}行）` : '';
    await recordAudit(
      tx,
      actor,
      {
        agencyId,
        action: 'application.import',
        subjectType: 'agency',
        subjectId: agencyId,
        summary: `导入历史政府信息公开申请${prepared.length}件${skipped}`,
        after: { imported: prepared.length, skippedRows: errors.map((e) => e.row) },
      },
      clock,
    );
  });
  return { ...report, imported: prepared.length };
}

/**
 * Why the row's dates cannot produce its stated closing date and outcome under the statute, or
 * null when they do. A rule the dates break (e.g. a reply before receipt) is said in the clock's
 * own words; any other error is a bug and propagates.
 */
function clockMismatch(
  stored: NonNullable<ReturnType<typeof eventsOf>>,
  row: { closedDate: string | null; outcome: string | null },
  today: string,
  cal: Calendar,
): string | null {
  try {
    const c = clockOf(
      stored.map((e, k) => ({ ...e, seq: k + 1 })),
      today,
      cal,
    );
    if (c.closed === row.closedDate && c.outcome === row.outcome) return null;
    return `日期与办理结果不一致：按第三十条、第三十一条计算，办结日期应为${c.closed ?? '（尚未办结）'}`;
  } catch (error) {
    if (error instanceof DomainError) return `日期与办理结果不一致：${error.message}`;
    throw error;
  }
}

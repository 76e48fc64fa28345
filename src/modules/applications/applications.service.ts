/**
 * Reading applications: the staff view of one application (clock, explanation, timeline,
 * files, the steps available), the inbox, files, and the figures for the annual report.
 */
import { randomUUID } from 'node:crypto';
import { countTable3, type CountableApplication, type Table3Counts } from '../../domain/applications/counting.ts';
import { earlierSameRequests, isMassRequest, DEFAULT_MASS_REQUEST } from '../../domain/applications/similarity.ts';
import {
  objectingThirdParties,
  thirdPartyNoticesMissing,
  type ObjectingParty,
} from '../../domain/applications/third-party.ts';
import { availableSteps, stepPermissions, type Step } from '../../domain/applications/workflow.ts';
import type { ClockResult } from '../../domain/clock/types.ts';
import type { TodoKind } from '../../domain/applications/todo.ts';
import type { Db } from '../../db/database.ts';
import { DomainError, ValidationError } from '../../domain/errors.ts';
import { shanghaiDate } from '../../domain/time.ts';
import { parseDate } from '../../domain/calendar/calendar.ts';
import { formatIsoDate } from '../../domain/calendar/dates.ts';
import type { Actor } from '../../policies/actor.ts';
import { authorize, can, canSeeAgency } from '../../policies/can.ts';
import { subtreeOf } from '../agencies/agencies.repository.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { calendarFor } from './applications.calendar.ts';
import { situationOf } from './applications.apply.ts';
import { clockOf } from './applications.clock.ts';
import { applicantEmail } from '../privacy/email-sealing.ts';
import type { AppDeps } from './applications.deps.ts';
import * as events from './applications.events.repository.ts';
import { listDocuments, type ApplicationDocument } from './documents/documents.service.ts';
import {
  correctionOf,
  lastExtensionRefusal,
  pendingExtension,
  type CorrectionView,
  type PendingExtension,
} from './applications.pending.ts';
import { detectUpload, type Upload } from './intake/files.ts';
import * as repo from './applications.repository.ts';

/** Everything the application page shows. */
export interface ApplicationDetail {
  application: repo.ApplicationRecord;
  clock: ClockResult;
  events: events.EventRecord[];
  /** Uploaded and generated files, without the renditions of notices (those are in `documents`). */
  files: events.FileRecord[];
  /** The notices and reply letters, with state and deliveries (modules/applications/documents/documents.service.ts). */
  documents: ApplicationDocument[];
  steps: string[];
  /** 第三十二条: third parties whose latest answer objects to disclosure… */
  objectingThirdParties: ObjectingParty[];
  /** …and those of them still to be told of the drafted decision to disclose. */
  thirdPartyNoticesMissing: ObjectingParty[];
  /** The extension awaiting the office head, with the due date before and after (第三十三条第二款). */
  pendingExtension: PendingExtension | null;
  /** The head's last refusal of an extension, for the handler. */
  extensionRefusal: ReturnType<typeof lastExtensionRefusal>;
  /** The 补正 asked for and the applicant's answer (第三十条). */
  correction: CorrectionView | null;
  /** 第三十六条第六项 / 第三十五条 hints. */
  hints: { repeatOf: string[]; massRequest: boolean; requestsInWindow: number };
}

async function loadVisible(db: Db, actor: Actor, id: string): Promise<repo.ApplicationRecord> {
  const rec = await repo.findById(db, id);
  if (!rec || !canSeeAgency(actor, rec.agencyId)) throw new DomainError('NOT_FOUND', '申请不存在');
  authorize(actor, 'applications.read', { agencyId: rec.agencyId });
  return rec;
}

/** The staff view of one application. */
export async function getApplication(deps: AppDeps, actor: Actor, id: string): Promise<ApplicationDetail> {
  const { db, clock } = deps;
  const rec = await loadVisible(db, actor, id);
  const today = shanghaiDate(clock.now());
  const calendar = await calendarFor(db);
  const stored = await events.listEvents(db, id);
  const clockResult = clockOf(stored, today, calendar);
  const windowStart = formatIsoDate(parseDate(rec.arrivalDate) - DEFAULT_MASS_REQUEST.days);
  const [files, inWindow, earlier] = await Promise.all([
    events.listFiles(db, id),
    repo.countByApplicantSince(db, rec.agencyId, rec.idNumberHash, windowStart),
    repo.comparableSince(db, rec.agencyId, formatIsoDate(parseDate(rec.arrivalDate) - 730)),
  ]);
  const self = {
    id: rec.id,
    trackingNumber: rec.trackingNumber,
    applicantHash: rec.idNumberHash,
    description: `${rec.infoTitle}${rec.infoDescription}`,
    receivedDate: rec.receivedDate,
    outcome: rec.outcome,
  };
  return {
    application: rec,
    clock: clockResult,
    events: stored,
    files: files.filter((f) => f.role !== 'notice'),
    documents: await listDocuments(deps, actor, rec, files, stored),
    steps: availableSteps(situationOf(rec, stored, clockResult, today)).filter((s) => canStep(actor, s, rec.agencyId)),
    objectingThirdParties: rec.kind === 'disclosure' ? objectingThirdParties(stored) : [],
    thirdPartyNoticesMissing: rec.kind === 'disclosure' ? thirdPartyNoticesMissing(rec.decisionOutcome, stored) : [],
    pendingExtension: pendingExtension(rec, stored, today, calendar),
    extensionRefusal: lastExtensionRefusal(stored),
    correction: correctionOf(stored),
    hints: {
      repeatOf: earlierSameRequests(self, earlier).map((e) => e.trackingNumber),
      massRequest: isMassRequest(inWindow),
      requestsInWindow: inWindow,
    },
  };
}

function canStep(actor: Actor, step: Step, agencyId: string): boolean {
  return stepPermissions(step).some((p) => can(actor, p, { agencyId }));
}

/** The inbox's filters as the API takes them. */
export interface InboxFilters {
  agencyId?: string;
  state?: string;
  due?: 'soon' | 'overdue';
  handlerId?: string;
  channel?: string;
  applicantKind?: string;
  kind?: string;
  /** 待办 of the actor (src/domain/applications/todo.ts). */
  waiting?: TodoKind;
  q?: string;
  page?: number;
  pageSize?: number;
  /** The previous page's nextCursor: the page after it (keyset pagination; `page` is then ignored). */
  cursor?: string;
}

/** A cursor as the API hands it out: opaque, URL-safe. */
function encodeCursor(c: repo.InboxCursor): string {
  return Buffer.from(JSON.stringify([c.key, c.createdAt, c.id])).toString('base64url');
}

function decodeCursor(text: string): repo.InboxCursor {
  try {
    const parts: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.length === 3 && parts.every((p) => typeof p === 'string')) {
      const [key, createdAt, id] = parts as [string, string, string];
      return { key, createdAt, id };
    }
  } catch {
    // falls through to the error below
  }
  throw new ValidationError({ cursor: '翻页位置无效，请从第一页重新查看' });
}

/** Days ahead counted as "due soon" in the inbox filter and the dashboard. */
export const DUE_SOON_DAYS = 5;

/**
 * The part of a subtree an actor may read, remembered per pair of subtree list and visible set:
 * outside a transaction both are shared by the agency tree cache (agencies.repository.ts), and a
 * supervisor's every request filters the same thousands of ids.
 */
const visibleParts = new WeakMap<readonly string[], WeakMap<ReadonlySet<string>, readonly string[]>>();

function visiblePart(actor: Actor, subtree: readonly string[]): readonly string[] {
  const visible = actor.visibleAgencies;
  if (visible === 'all') return subtree;
  let byVisible = visibleParts.get(subtree);
  if (!byVisible) visibleParts.set(subtree, (byVisible = new WeakMap()));
  let part = byVisible.get(visible);
  if (!part) byVisible.set(visible, (part = subtree.filter((id) => visible.has(id))));
  return part;
}

/** The inbox: one agency's (or a supervisor's subtree's) applications, filtered, in the inbox order (open first by due date), paged by number or by cursor. */
export async function listApplications(deps: AppDeps, actor: Actor, f: InboxFilters) {
  const { db, clock } = deps;
  const agencyId = f.agencyId ?? actor.agencyId;
  if (!agencyId) throw new DomainError('BAD_REQUEST', '请选择机构');
  authorize(actor, 'applications.read', { agencyId });
  const subtree = await subtreeOf(db, [agencyId]);
  const ids = visiblePart(actor, subtree.ids);
  // A province-wide supervisor of a one-province platform sees every agency: no condition at all rather than thousands of ids.
  const everyAgency = subtree.everyAgency && ids.length === subtree.ids.length && ids.length > 1;
  const today = shanghaiDate(clock.now());
  const soon = formatIsoDate(parseDate(today) + DUE_SOON_DAYS);
  const pageSize = Math.min(Math.max(f.pageSize ?? 20, 1), 100);
  const page = Math.max(f.page ?? 1, 1);
  const result = await repo.listInbox(db, {
    agencyIds: everyAgency ? 'all' : ids,
    states: f.state ? [f.state] : undefined,
    dueBefore: f.due === 'soon' ? soon : undefined,
    overdueOn: f.due === 'overdue' ? today : undefined,
    handlerId: f.handlerId,
    channel: f.channel,
    applicantKind: f.applicantKind,
    kind: f.kind,
    todo: f.waiting ? { kind: f.waiting, userId: actor.id } : undefined,
    search: f.q?.trim() || undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
    after: f.cursor ? decodeCursor(f.cursor) : undefined,
  });
  return { ...result, nextCursor: result.nextCursor && encodeCursor(result.nextCursor), page, pageSize, today };
}

/**
 * Staff add a file: an original, its released (redacted) version, the reply letter, or the scan of
 * a paper review or sign-off form (signoff_scan). Released versions are kept apart from originals.
 */
export async function addFile(
  deps: AppDeps,
  actor: Actor,
  id: string,
  role: 'original' | 'released' | 'reply_letter' | 'signoff_scan',
  upload: Upload,
) {
  const { db, clock } = deps;
  const rec = await loadVisible(db, actor, id);
  authorize(actor, 'applications.handle', { agencyId: rec.agencyId });
  if (rec.decisionStatus === 'sent') throw new DomainError('STEP_NOT_ALLOWED', '答复已送达，不能再添加文件');
  const checked = await detectUpload(upload, 'file', true);
  const file: events.FileRecord = {
    id: randomUUID(),
    applicationId: id,
    role,
    filename: checked.filename,
    mime: checked.mime,
    size: checked.content.length,
    sha256: checked.sha256,
    reviewed: false,
    sent: false,
    createdBy: actor.name,
    createdAt: clock.now().toISOString(),
  };
  await db.transaction().execute(async (tx) => {
    await events.insertFile(tx, file, checked.content);
    // A file added after the review or sign-off sends the reply back to review (release control).
    // (A scan of a paper review or sign-off form is evidence, not something released.)
    if (
      (role === 'released' || role === 'reply_letter') &&
      (rec.decisionStatus === 'reviewed' || rec.decisionStatus === 'signed')
    ) {
      await repo.updateApplication(tx, id, {
        decisionStatus: 'draft',
        reviewedAt: null,
        reviewedBy: null,
        signedAt: null,
        signedBy: null,
      });
    }
    await recordAudit(
      tx,
      actor,
      {
        agencyId: rec.agencyId,
        action: 'application.file_add',
        subjectType: 'application',
        subjectId: id,
        summary: `${rec.trackingNumber}：添加文件 ${file.filename}（${role}）`,
        after: { role, filename: file.filename, sha256: file.sha256 },
      },
      clock,
    );
  });
  return file;
}

/** A file for staff download. */
export async function readFile(deps: AppDeps, actor: Actor, id: string, fileId: string) {
  const rec = await loadVisible(deps.db, actor, id);
  const found = await events.getFileContent(deps.db, fileId);
  if (!found || found.file.applicationId !== rec.id) throw new DomainError('NOT_FOUND', '文件不存在');
  return found;
}

/** Personal data in clear, for staff who handle the application (each reading is audited). */
export async function revealPersonalData(deps: AppDeps, actor: Actor, id: string) {
  const rec = await loadVisible(deps.db, actor, id);
  authorize(actor, 'applications.handle', { agencyId: rec.agencyId });
  await recordAudit(
    deps.db,
    actor,
    {
      agencyId: rec.agencyId,
      action: 'application.reveal',
      subjectType: 'application',
      subjectId: id,
      summary: `${rec.trackingNumber}：查看申请人完整身份与联系信息`,
    },
    deps.clock,
  );
  return {
    idNumber: deps.cipher.decrypt(rec.idNumberEnc),
    phone: deps.cipher.decrypt(rec.phoneEnc),
    address: deps.cipher.decrypt(rec.addressEnc),
    email: applicantEmail(deps.cipher, rec),
  };
}

/**
 * Table 三 of year Y at the V2021 grain, seven columns per row, for the annual report:
 * counted per lifecycle.md by the pure `countTable3`.
 */
export async function applicationFigures(db: Db, agencyIds: string[], year: number): Promise<Table3Counts> {
  if (!Number.isInteger(year) || year < 2008 || year > 2100) throw new ValidationError({ year: '年度无效' });
  const rows = await repo.countableInYear(db, agencyIds, year);
  return countTable3(rows as CountableApplication[], year);
}

/** 信息处理费 collected in year Y, in 元 (reported under 六、其他需要报告的事项 from 2021). */
export async function feesCollected(db: Db, agencyIds: string[], year: number): Promise<number> {
  return repo.feesPaidInYear(db, agencyIds, year);
}

/**
 * `gongkai synth` step: `counts.applications` applications (default 40 per agency: 200,000 for
 * the default 5,000 agencies) spread over the synthetic agencies and 2021–2025, written in bulk
 * with their events. Personal data is encrypted and hashed like real data (the benchmark should
 * pay for it). The events are only arrival, receipt and (for about 85 %) a reply, so the derived
 * columns follow 第三十三条 directly — 20 working days from receipt on the official calendar,
 * the same result computeClock gives for these events (checked in the test) — which keeps the
 * step fast enough for the synth test and for 200,000 rows.
 */
import { randomUUID } from 'node:crypto';
import type { ApplicationEventTable, ApplicationTable } from '../../db/tables/applications.ts';
import { APPLICANT_KINDS } from '../../domain/applications/applicant.ts';
import { OUTCOME_KEYS } from '../../domain/clock/outcomes.ts';
import { DEFAULT_CLOCK_SETTINGS } from '../../domain/clock/settings.ts';
import { maskAddress, maskIdentity, maskPhone, createPersonalDataCipher } from '../privacy/personal-data.ts';
import type { SynthStep } from '../synth/synth.types.ts';
import type { EventRecord } from './applications.events.repository.ts';
import {
  analyzeApplications,
  inboxKey,
  insertApplicationRows,
  toRow,
  type ApplicationRecord,
} from './applications.repository.ts';
import { queryCodeHash } from './applications.deps.ts';

const REPLY_OUTCOMES = OUTCOME_KEYS.filter(
  (k) => k !== 'other_no_correction' && k !== 'other_no_fee' && k !== 'other_other',
);
const SYNTH_KEY = '5a'.repeat(32);

export const applicationsSynthStep: SynthStep = {
  name: 'applications',
  async run(ctx) {
    const total = ctx.counts.applications ?? Math.min(200_000, 40 * Math.max(ctx.counts.agencies ?? 0, 1));
    const agencies = ctx.agencies; // runSynth fills them from the database when this step runs alone
    const cipher = createPersonalDataCipher(SYNTH_KEY);
    const r = ctx.random;
    const now = ctx.clock.now().toISOString();
    const seqs = new Map<string, number>();
    const batch = 1000;
    for (let done = 0; done < total; done += batch) {
      const apps: ApplicationTable[] = [];
      const evs: Array<Omit<ApplicationEventTable, 'id'>> = [];
      for (let k = 0; k < Math.min(batch, total - done); k++) {
        const agency = agencies[Math.floor(r() * agencies.length)]!;
        const year = 2021 + Math.floor(r() * 5);
        const day = 1 + Math.floor(r() * 330);
        const arrival = new Date(Date.UTC(year, 0, day)).toISOString().slice(0, 10);
        const key = `${agency.id}:${year}`;
        const seq = (seqs.get(key) ?? 0) + 1;
        seqs.set(key, seq);
        const id = randomUUID();
        const stored: EventRecord[] = [
          {
            seq: 1,
            type: 'arrived',
            date: arrival,
            payload: { channel: 'in-person' },
            public: true,
            summary: '收到申请',
            actorName: '合成数据',
            at: now,
          },
          {
            seq: 2,
            type: 'received',
            date: arrival,
            payload: {},
            public: true,
            summary: '收到申请（第三十一条）',
            actorName: '合成数据',
            at: now,
          },
        ];
        const closedIn = 5 + Math.floor(r() * 20);
        // 第三十三条: the reply period from the clock settings, never restated here.
        const due = ctx.calendar.addWorkingDays(arrival, DEFAULT_CLOCK_SETTINGS.replyWorkingDays, {
          provisional: true,
        }).value;
        const replied = r() < 0.85 || year < 2025;
        const closed = new Date(Date.UTC(year, 0, day + closedIn)).toISOString().slice(0, 10);
        const outcome = REPLY_OUTCOMES[Math.floor(r() * REPLY_OUTCOMES.length)]!;
        if (replied)
          stored.push({
            seq: 3,
            type: 'replied',
            date: closed,
            payload: { outcome },
            public: true,
            summary: '答复',
            actorName: '合成数据',
            at: now,
          });
        const idNumber = `350504${1950 + Math.floor(r() * 50)}0101${String(Math.floor(r() * 10000)).padStart(4, '0')}`;
        const phone = `139${String(Math.floor(r() * 1e8)).padStart(8, '0')}`;
        const rec: Partial<ApplicationRecord> = {
          id,
          agencyId: agency.id,
          kind: 'disclosure',
          trackingNumber: `合成依申〔${year}〕${seq}号`,
          year,
          seq,
          queryCodeHash: queryCodeHash(SYNTH_KEY, id),
          channel: 'in-person',
          oral: false,
          arrivalDate: arrival,
          recordsOutcome: null,
          applicantKind: APPLICANT_KINDS[Math.floor(r() * r() * 6)]!,
          applicantName: `合成申请人${Math.floor(r() * 50_000)}`,
          contactPerson: '',
          idDocType: 'resident_id',
          idNumberEnc: cipher.encrypt(idNumber),
          idNumberHash: cipher.keyedHash(idNumber),
          idNumberMasked: maskIdentity(idNumber),
          phoneEnc: cipher.encrypt(phone),
          phoneMasked: maskPhone(phone),
          email: '',
          emailEnc: '',
          emailMasked: '',
          addressEnc: cipher.encrypt('合成地址'),
          addressMasked: maskAddress('合成地址'),
          postcode: '',
          infoTitle: '',
          infoDocNumber: '',
          infoDescription: `合成申请内容${seq}`,
          deliveryForm: 'electronic',
          deliveryMethod: 'online',
          handlerId: null,
          idempotencyKey: null,
          extensionRequestedDays: null,
          extensionReason: null,
          reasonsAsked: false,
          feeBasis: null,
          feeAmount: null,
          decisionOutcome: null,
          decisionBasis: null,
          decisionReasons: null,
          responsibleAgency: null,
          decisionStatus: null,
          decidedBy: null,
          reviewedBy: null,
          reviewedAt: null,
          signedBy: null,
          signedAt: null,
          archivedAt: null,
          createdAt: now,
          updatedAt: now,
          state: replied ? 'closed' : 'running',
          receivedDate: arrival,
          replyDue: due,
          dueRule: `第三十三条：自收到申请之日起${DEFAULT_CLOCK_SETTINGS.replyWorkingDays}个工作日`,
          dueProvisional: false,
          closedDate: replied ? closed : null,
          closedBy: replied ? 'replied' : null,
          outcome: replied ? outcome : null,
          inboxKey: inboxKey(replied ? 'closed' : 'running', due),
        };
        apps.push(toRow(rec) as ApplicationTable);
        for (const e of stored)
          evs.push({
            application_id: id,
            seq: e.seq,
            type: e.type,
            date: e.date,
            payload: JSON.stringify(e.payload),
            public: 1,
            summary: e.summary,
            actor_name: e.actorName,
            at: e.at,
          });
      }
      await ctx.db.transaction().execute((tx) => insertApplicationRows(tx, apps, evs));
      ctx.progress('applications', done + apps.length, total);
    }
    await analyzeApplications(ctx.db);
  },
};

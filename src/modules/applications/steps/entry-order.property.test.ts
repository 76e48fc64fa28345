/**
 * lifecycle.md "Facts entered late", at the database: the same dated facts, entered in any order
 * their dependencies allow and on any later day, give the same clocks, the same stored columns
 * (state, receipt, due date and its rule, 暂定, closure, inbox order) and the same tables 三 and 四
 * of the annual report. Each run files the same applications with a fresh agency, enters their
 * facts through the steps (performStep, as the console does) in a random interleaving and on
 * random entry days, runs the sweep on one final day and compares with the run in date order.
 */
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TestClock } from '../../../../test/support/clock.ts';
import { createTestDb, describeEachDialect, type TestDb } from '../../../../test/support/db.ts';
import { citizen, demoSetup } from '../../../../test/support/factories/applications.ts';
import { formatIsoDate, tryParseIsoDate } from '../../../domain/calendar/dates.ts';
import type { Step } from '../../../domain/applications/workflow.ts';
import type { Actor } from '../../../policies/actor.ts';
import * as agencies from '../../agencies/agencies.repository.ts';
import { moduleFigureSources } from '../../reports/figure-sources.ts';
import { calendarFor } from '../applications.calendar.ts';
import { clockOf, derivedColumns } from '../applications.clock.ts';
import type { AppDeps } from '../applications.deps.ts';
import * as events from '../applications.events.repository.ts';
import * as repo from '../applications.repository.ts';
import { createApplication, type IntakeInput } from '../intake/intake.service.ts';
import { sweepApplications } from '../sweep/sweep.service.ts';
import { performStep, type StepInput } from './steps.service.ts';

type Who = 'clerk' | 'handler' | 'head' | 'reviewer';

/** One fact: the step that records it, on its date; `after` the facts (by key) it depends on. */
interface Fact {
  key: string;
  app: string;
  who: Who;
  step: Step;
  date: string;
  input?: StepInput;
  after?: string[];
}

const ARRIVAL = '2025-03-03';
const FINAL = '2025-06-30';

/** Applicants: a person, a company, a research institute, and two more people (table 三's columns). */
const APPLICANTS: Record<string, Partial<IntakeInput>> = {
  A: { applicantName: '申请人甲', channel: 'in-person' },
  B: {
    applicantKind: 'commercial',
    applicantName: '某科技有限公司',
    contactPerson: '李四',
    idDocType: 'credit_code',
    idNumber: '91330100716105852F',
    deliveryMethod: 'post',
  },
  C: { applicantName: '申请人丙', channel: 'in-person' },
  D: { applicantName: '申请人丁', channel: 'in-person', deliveryMethod: 'post' },
  E: { applicantName: '申请人戊', channel: 'in-person' },
};

/** The facts of the five applications before their replies (entered in random interleavings). */
const FACTS: Fact[] = [
  // A: two consultations (one answered late), an extension.
  {
    key: 'A1',
    app: 'A',
    who: 'handler',
    step: 'sendConsultation',
    date: '2025-03-05',
    input: { party: 'third', partyName: '某物流公司' },
  },
  {
    key: 'A2',
    app: 'A',
    who: 'handler',
    step: 'sendConsultation',
    date: '2025-03-07',
    input: { party: 'agency', partyName: '市财政局' },
  },
  {
    key: 'A3',
    app: 'A',
    who: 'handler',
    step: 'recordConsultationAnswer',
    date: '2025-03-20',
    input: { opinion: 'object', partyName: '某物流公司' },
    after: ['A1'],
  },
  {
    key: 'A4',
    app: 'A',
    who: 'handler',
    step: 'recordConsultationAnswer',
    date: '2025-03-31',
    input: { opinion: 'agree', partyName: '市财政局' },
    after: ['A2'],
  },
  {
    key: 'A5',
    app: 'A',
    who: 'handler',
    step: 'requestExtension',
    date: '2025-03-10',
    input: { days: 10, reason: '需要调取档案' },
  },
  { key: 'A6', app: 'A', who: 'head', step: 'approveExtension', date: '2025-03-11', after: ['A5'] },
  // B: a fee notice by post, its signing date, the payment.
  {
    key: 'B1',
    app: 'B',
    who: 'handler',
    step: 'issueFeeNotice',
    date: '2025-03-12',
    input: { basis: 'per_page', pages: 120 },
  },
  { key: 'B2', app: 'B', who: 'clerk', step: 'recordFeeReceipt', date: '2025-03-17', after: ['B1'] },
  { key: 'B3', app: 'B', who: 'clerk', step: 'recordFeePaid', date: '2025-03-25', after: ['B2'] },
  // C: a correction, then a consultation.
  {
    key: 'C1',
    app: 'C',
    who: 'handler',
    step: 'requestCorrection',
    date: '2025-03-04',
    input: { items: '请写明文件年度' },
  },
  { key: 'C2', app: 'C', who: 'clerk', step: 'recordCorrection', date: '2025-03-14', after: ['C1'] },
  {
    key: 'C3',
    app: 'C',
    who: 'handler',
    step: 'sendConsultation',
    date: '2025-03-18',
    input: { party: 'agency', partyName: '市档案馆' },
    after: ['C2'],
  },
  {
    key: 'C4',
    app: 'C',
    who: 'handler',
    step: 'recordConsultationAnswer',
    date: '2025-03-24',
    input: { opinion: 'agree' },
    after: ['C3'],
  },
  // D: a fee notice by post, signed for, never paid: it lapses.
  {
    key: 'D1',
    app: 'D',
    who: 'handler',
    step: 'issueFeeNotice',
    date: '2025-03-06',
    input: { basis: 'per_page', pages: 50 },
  },
  { key: 'D2', app: 'D', who: 'clerk', step: 'recordFeeReceipt', date: '2025-03-10', after: ['D1'] },
  // E: withdrawn.
  { key: 'E1', app: 'E', who: 'clerk', step: 'withdraw', date: '2025-03-21' },
];

/** The replies: drafted, reviewed, signed and sent on their own dates, after the other facts of the application. */
const REPLIES: Array<{
  app: string;
  outcome: string;
  legalBasis: string;
  drafted: string;
  dates: [string, string, string];
}> = [
  {
    app: 'A',
    outcome: 'withheld_third_party',
    legalBasis: '第三十二条',
    drafted: '2025-04-21',
    dates: ['2025-04-22', '2025-04-23', '2025-04-24'],
  },
  {
    app: 'B',
    outcome: 'unavailable_not_held',
    legalBasis: '第三十六条第四项',
    drafted: '2025-04-07',
    dates: ['2025-04-08', '2025-04-09', '2025-04-10'],
  },
  {
    app: 'C',
    outcome: 'rejected_repeat',
    legalBasis: '第三十六条第六项',
    drafted: '2025-04-14',
    dates: ['2025-04-15', '2025-04-15', '2025-04-16'],
  },
];

const day = (iso: string) => tryParseIsoDate(iso)!;
const iso = (d: number) => formatIsoDate(d);

describeEachDialect('facts entered in any order, on any later day, give the same records', (dialect) => {
  let t: TestDb;
  let deps: AppDeps;
  let template: agencies.Agency;
  const clock = new TestClock(`${ARRIVAL}T02:00:00Z`);
  const staff = {} as Record<Who, Actor>;
  let runs = 0;

  beforeAll(async () => {
    t = await createTestDb(dialect);
    const s = await demoSetup(t.db, new TestClock('2023-06-01T02:00:00Z'));
    deps = { ...s.deps, clock };
    template = (await agencies.findById(t.db, s.agencyId))!;
    for (const [who, user] of [
      ['clerk', 'gxj.clerk'],
      ['handler', 'gxj.handler'],
      ['head', 'gxj.head'],
      ['reviewer', 'gxj.reviewer'],
    ] as const)
      staff[who] = await s.actor(user);
  });
  afterAll(async () => t.destroy());

  /**
   * Files the applications with a new agency, then enters the facts in `order` (indices into
   * FACTS, a topological order), each on its date plus `gaps` days (never before a fact already
   * entered for the same application: its clock would see the future), then the replies, then
   * sweeps on FINAL. Returns what must not depend on the order.
   */
  async function enter(order: readonly number[], gaps: (i: number) => number) {
    const agencyId = randomUUID();
    runs++;
    await agencies.insertAgency(
      t.db,
      agencyId,
      { ...template, name: `顺序测试机关${runs}`, shortName: `顺序${runs}`, code: `ORD${dialect}${runs}`.slice(0, 20) },
      new Date().toISOString(),
    );
    const as = (who: Who): Actor => ({ ...staff[who], agencyId, visibleAgencies: new Set([agencyId]) });
    const ids: Record<string, string> = {};
    clock.set(`${ARRIVAL}T02:00:00Z`);
    for (const [key, over] of Object.entries(APPLICANTS))
      ids[key] = (
        await createApplication(deps, as('clerk'), citizen(agencyId, { ...over, arrivalDate: ARRIVAL }))
      ).application.id;
    // The entry day of each application only moves forward (facts already stored must not lie in the future).
    const entered: Record<string, number> = {};
    const step = async (app: string, who: Who, s: Step, date: string, input: StepInput, gap: number) => {
      const on = Math.max(day(date), entered[app] ?? 0) + gap;
      entered[app] = on;
      clock.set(`${iso(on)}T02:00:00Z`);
      // An answer names its consultation by the party's name (the console picks it from a list).
      const body: StepInput = { ...input, date };
      if (s === 'recordConsultationAnswer' && input.partyName) {
        const sent = (await events.listEvents(t.db, ids[app]!)).find(
          (e) => e.type === 'consultationSent' && e.payload.partyName === input.partyName,
        );
        delete body.partyName;
        body.consultationId = String(sent!.payload.consultationId);
      }
      await performStep(deps, as(who), ids[app]!, s, body);
    };
    for (const [n, i] of order.entries()) {
      const f = FACTS[i]!;
      await step(f.app, f.who, f.step, f.date, f.input ?? {}, gaps(n));
    }
    for (const [n, r] of REPLIES.entries()) {
      // The draft is dated the day it is entered (a working note, not a fact of the clock).
      const drafted = Math.max(day(r.drafted), entered[r.app] ?? 0);
      entered[r.app] = drafted;
      clock.set(`${iso(drafted)}T02:00:00Z`);
      await performStep(deps, as('handler'), ids[r.app]!, 'decide', {
        outcome: r.outcome,
        legalBasis: r.legalBasis,
        reasons: '经审查，依法作出本答复',
      });
      const [reviewed, signed, replied] = r.dates;
      await step(r.app, 'reviewer', 'reviewConfidentiality', reviewed, { passed: true }, gaps(order.length + 3 * n));
      await step(r.app, 'head', 'signOff', signed, {}, gaps(order.length + 3 * n + 1));
      await step(r.app, 'handler', 'reply', replied, {}, gaps(order.length + 3 * n + 2));
    }
    clock.set(`${FINAL}T02:00:00Z`);
    await sweepApplications(t.db, clock);

    const calendar = await calendarFor(t.db);
    const apps: Record<string, unknown> = {};
    for (const [key, id] of Object.entries(ids)) {
      const stored = await events.listEvents(t.db, id);
      const c = clockOf(stored, FINAL, calendar);
      const rec = (await repo.findById(t.db, id))!;
      const columns = derivedColumns(c, stored);
      apps[key] = {
        clock: c,
        // Stored columns as the sweep left them, and as they follow from the clock.
        stored: Object.fromEntries(Object.keys(columns).map((k) => [k, rec[k as keyof repo.ApplicationRecord]])),
        derived: columns,
        // The facts' own dates (entry times and the draft's entry day are not facts of the clock).
        facts: stored
          .filter((e) => e.type !== 'decisionDrafted')
          .map((e) => `${e.date} ${e.type}`)
          .sort(),
      };
    }
    const [table3, table4] = await Promise.all([
      moduleFigureSources.applications(t.db, [agencyId], 2025),
      moduleFigureSources.cases(t.db, [agencyId], 2025),
    ]);
    return { apps, table3, table4 };
  }

  /** A topological order of FACTS chosen by `picks` (each pick selects among the facts ready next). */
  function orderFrom(picks: readonly number[]): number[] {
    const done = new Set<string>();
    const left = FACTS.map((_, i) => i);
    const order: number[] = [];
    for (let n = 0; left.length > 0; n++) {
      const ready = left.filter((i) => (FACTS[i]!.after ?? []).every((k) => done.has(k)));
      const i = ready[(picks[n] ?? 0) % ready.length]!;
      order.push(i);
      done.add(FACTS[i]!.key);
      left.splice(left.indexOf(i), 1);
    }
    return order;
  }

  it('random interleavings and entry days give the clocks, stored columns and tables 三/四 of the run in date order', async () => {
    const inDateOrder = FACTS.map((f, i) => ({ f, i }))
      .sort((a, b) => a.f.date.localeCompare(b.f.date) || a.i - b.i)
      .map((x) => x.i);
    const reference = await enter(inDateOrder, () => 0);
    // The scenario means something: the fee lapse, the late answer, the extension, the withdrawal.
    const ref = reference.apps as Record<string, { clock: { closedBy: string; warnings: Array<{ code: string }> } }>;
    expect([ref.A!.clock.closedBy, ref.B!.clock.closedBy, ref.D!.clock.closedBy, ref.E!.clock.closedBy]).toEqual([
      'replied',
      'replied',
      'feeLapsed',
      'withdrawn',
    ]);
    expect(ref.A!.clock.warnings.map((w) => w.code)).toContain('CONSULTATION_ANSWER_LATE');
    expect(reference.apps).toMatchObject({ A: { stored: { state: 'closed' } } });

    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(1000), { minLength: FACTS.length, maxLength: FACTS.length }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 32, maxLength: 32 }),
        async (picks, gaps) => {
          const run = await enter(orderFrom(picks), (n) => gaps[n % gaps.length]!);
          expect(run).toEqual(reference);
        },
      ),
      { numRuns: 5, endOnFailure: true },
    );
  }, 300_000);
});

/**
 * Loads the demo applications through the ordinary services (validated and audited like real
 * work), moving a simulated clock through 2024–2026 step by step. Steps dated after the real
 * today are left undone, so the data never runs ahead of the clock it is loaded with; the sweep
 * then records the lapses (逾期不补正, 逾期未缴费) with their statutory dates. A few applications
 * relative to today fill the inbox (awaiting confirmation, running, overdue).
 */
import type { Db } from '../../db/database.ts';
import { Calendar } from '../../domain/calendar/calendar.ts';
import { loadBundledYears } from '../../domain/calendar/bundled.ts';
import { formatIsoDate } from '../../domain/calendar/dates.ts';
import { parseDate } from '../../domain/calendar/calendar.ts';
import { OUTCOME_BASIS, RELEASING_OUTCOMES } from '../../domain/applications/decision.ts';
import { stepPermissions, type Step } from '../../domain/applications/workflow.ts';
import { shanghaiDate, type Clock } from '../../domain/time.ts';
import type { Actor } from '../../policies/actor.ts';
import { actorForUser } from '../accounts/actor.ts';
import { findUserByUsername } from '../accounts/users.repository.ts';
import { findByCodeOrName } from '../agencies/agencies.repository.ts';
import { createApplication } from '../applications/intake/intake.service.ts';
import { addFile } from '../applications/applications.service.ts';
import { renderDocx } from '../documents/index.ts';
import { saveTrackingPattern } from '../applications/applications.repository.ts';
import { performStep, type StepInput } from '../applications/steps/steps.service.ts';
import { sweepApplications } from '../applications/sweep/sweep.service.ts';
import { createPersonalDataCipher } from '../privacy/personal-data.ts';
import { createCase } from '../cases/cases.service.ts';
import { DEMO_APPLICANTS, DEMO_APPLICATIONS, type DemoApplication } from './applications.demo.data.ts';

/** The instance's keys: the demo's personal data is sealed like any other, so 查看完整信息 opens it. */
export interface DemoKeys {
  secret: string;
  encryptionKey: string;
}

class SimClock implements Clock {
  date = '2024-01-01';
  now(): Date {
    return new Date(`${this.date}T10:00:00+08:00`);
  }
}

type Script = Array<[string, Step, StepInput]>;

/** The steps of a flow after receipt on R (dates by working days, from the official calendar). */
function scriptOf(a: DemoApplication, received: string, cal: Calendar): Script {
  const wd = (n: number) => cal.addWorkingDays(received, n) as string;
  const f = a.flow;
  const replyAt = a.replyAfter ?? 12;
  const reply = (outcome: string, at: number, extra: StepInput = {}): Script => [
    [
      wd(at - 2),
      'decide',
      {
        outcome,
        legalBasis: OUTCOME_BASIS[outcome as keyof typeof OUTCOME_BASIS] || '第三十六条',
        reasons: '',
        ...extra,
      },
    ],
    [wd(at - 1), 'reviewConfidentiality', { passed: true }],
    [wd(at - 1), 'signOff', {}],
    [wd(at), 'reply', {}],
  ];
  const assign: Script = [[received, 'assign', {}]];
  switch (f.kind) {
    case 'reply':
      return [
        ...assign,
        ...reply(f.outcome, replyAt, { reasons: f.reasons ?? '', responsibleAgency: f.responsibleAgency ?? '' }),
      ];
    case 'onSpot':
    case 'open':
      return [];
    case 'unclear':
      return [
        ...assign,
        [wd(3), 'requestCorrection', { items: '请写明所需文件的名称、文号或者形成时间' }],
        [wd(8), 'recordCorrection', { note: '补正：要去年的文件' }],
        ...reply('unavailable_unclear', 16, { reasons: '补正后仍无法确定所需信息' }),
      ];
    case 'correctionLapse':
      return [...assign, [wd(4), 'requestCorrection', { items: '请写明项目名称和所需材料的范围' }]];
    case 'correctedThenGranted':
      return [
        ...assign,
        [wd(2), 'requestCorrection', { items: '请写明企业名称和所需信息的年度' }],
        [wd(6), 'recordCorrection', { note: '补正：鑫达机械2024年技改补助文件' }],
        ...reply('granted', 16),
      ];
    case 'thirdParty':
      return [
        ...assign,
        [wd(3), 'sendConsultation', { party: 'third', partyName: '相关企业（演示）' }],
        [
          wd(10),
          'recordConsultationAnswer',
          { opinion: f.outcome === 'granted' ? 'agree' : 'object', note: '认为涉及商业秘密' },
        ],
        ...reply(f.outcome, 22, {
          reasons: '涉及第三方商业秘密，第三方不同意公开且理由合理',
          ...(f.outcome === 'partial' ? { thirdPartyWithheld: true } : {}),
        }),
      ];
    case 'agencyConsultation':
      return [
        ...assign,
        [wd(4), 'sendConsultation', { party: 'agency', partyName: '泉州市洛江区发展和改革局（演示）' }],
        ...reply('granted', 24),
      ];
    case 'excessive':
      return [
        ...assign,
        [wd(3), 'askReasons', { note: '要求说明逐户逐月用电量的用途' }],
        ...reply('rejected_excessive', 15, { reasons: '申请理由不合理' }),
      ];
    case 'extension':
      return [
        ...assign,
        [wd(15), 'requestExtension', { days: 15, reason: '涉及项目多、材料量大，需逐项审查' }],
        [wd(16), 'approveExtension', {}],
        ...reply('partial', 30, { reasons: '评审专家个人信息不予公开' }),
      ];
    case 'feePaid':
      return [
        ...assign,
        [wd(5), 'issueFeeNotice', { basis: 'per_page', pages: 120 }],
        [wd(9), 'recordFeePaid', {}],
        ...reply('granted', 18),
      ];
    case 'feeLapse':
      return [...assign, [wd(5), 'issueFeeNotice', { basis: 'per_page', pages: 260 }]];
    case 'withdrawn':
      return [...assign, [wd(4), 'withdraw', { note: '申请人来电表示已在网站查到，撤回申请' }]];
    case 'records':
      return [
        ...assign,
        [
          wd(8),
          'decide',
          {
            outcome: 'transferred',
            legalBasis: '第四十一条',
            reasons: '企业登记信息由市场监督管理部门负责更正，已转送',
          },
        ],
        [wd(9), 'reviewConfidentiality', { passed: true }],
        [wd(9), 'signOff', {}],
        [wd(10), 'reply', {}],
      ];
  }
}

/** Loads the demo applications of 泉州市洛江区工业和信息化局; returns how many were created. */
export async function loadApplicationsDemo(db: Db, clock: Clock, keys: DemoKeys): Promise<number> {
  const agency = await findByCodeOrName(db, 'luojiang-gxj');
  if (!agency) return 0;
  const today = shanghaiDate(clock.now());
  const cal = Calendar.fromYears(loadBundledYears());
  const sim = new SimClock();
  const deps = { db, clock: sim, cipher: createPersonalDataCipher(keys.encryptionKey), secret: keys.secret };
  const users = new Map<string, Actor>();
  for (const u of ['gxj.clerk', 'gxj.handler', 'gxj.head', 'gxj.reviewer']) {
    const user = await findUserByUsername(db, u);
    if (user) users.set(u, await actorForUser(db, user, { kind: 'user', scopes: null, clientIp: null }));
  }
  const by: Record<string, string> = {
    'applications.register': 'gxj.clerk',
    'applications.handle': 'gxj.handler',
    'applications.approve': 'gxj.head',
    'applications.review': 'gxj.reviewer',
  };
  const clerk = users.get('gxj.clerk');
  const handler = users.get('gxj.handler');
  if (!clerk || !handler) return 0;
  await saveTrackingPattern(db, agency.id, '洛工信依申〔{year}〕{seq}号', clock.now().toISOString());

  const ago = (days: number) => formatIsoDate(parseDate(today) - days);
  const live: DemoApplication[] = [
    {
      arrive: ago(1),
      channel: 'online',
      applicant: 3,
      info: '本年度工业企业技术改造项目申报指南',
      flow: { kind: 'open' },
    },
    {
      arrive: ago(12),
      channel: 'post-signed',
      applicant: 6,
      info: '本区工业园区污水处理设施运行情况',
      flow: { kind: 'open' },
    },
    {
      arrive: ago(32),
      channel: 'in-person',
      applicant: 7,
      info: '本区重点企业节能改造补助发放情况',
      flow: { kind: 'open' },
    },
  ];

  let created = 0;
  const cases: Array<{ id: string; year: number }> = [];
  for (const a of [...DEMO_APPLICATIONS, ...live]) {
    if (a.arrive > today) continue;
    const p = DEMO_APPLICANTS[a.applicant]!;
    sim.date = a.arrive;
    const confirm =
      a.channel === 'online' || a.channel === 'email' || a.channel === 'fax' || a.channel === 'post-ordinary';
    const received =
      confirm && a.flow.kind !== 'open'
        ? (cal.addWorkingDays(a.arrive, a.channel === 'post-ordinary' ? 0 : 1) as string)
        : a.arrive;
    const onSpot =
      a.flow.kind === 'onSpot'
        ? {
            outcome: a.flow.outcome,
            legalBasis: '第三十六条第一项',
            reasons: '告知已在本机关政府信息公开专栏公开，当场提供查阅途径',
          }
        : null;
    const r = await createApplication(deps, clerk, {
      agencyId: agency.id,
      kind: a.flow.kind === 'records' ? 'records_correction' : 'disclosure',
      channel: a.channel,
      arrivalDate: a.arrive,
      applicantKind: p.kind,
      applicantName: p.name,
      contactPerson: p.contactPerson,
      idDocType: p.idDocType,
      idNumber: p.idNumber,
      phone: p.phone,
      email: p.email,
      address: p.address,
      infoDescription: a.info,
      deliveryForm: 'electronic',
      deliveryMethod: p.email ? 'email' : 'post',
      answeredOnSpot: onSpot,
    });
    created++;
    if (a.flow.kind === 'thirdParty' && a.flow.outcome === 'withheld_third_party')
      cases.push({ id: r.application.id, year: Number(a.arrive.slice(0, 4)) });
    let decided: string | null = null;
    const confirmation: Script = confirm && a.flow.kind !== 'open' ? [[received, 'confirmReceipt', {}]] : [];
    for (const [date, step, input] of [...confirmation, ...scriptOf(a, received, cal)]) {
      if (date > today) break;
      sim.date = date;
      const actor = users.get(by[stepPermissions(step).at(-1)!]!)!;
      // 予以公开 / 部分公开: the handler attaches the released version before review and 签发.
      if (step === 'reviewConfidentiality' && (RELEASING_OUTCOMES as readonly string[]).includes(decided ?? ''))
        await addFile(deps, handler, r.application.id, 'released', await releasedVersion(a.info, decided!));
      if (step === 'decide') decided = typeof input.outcome === 'string' ? input.outcome : null;
      await performStep(deps, actor, r.application.id, step, step === 'assign' ? { handlerId: handler.id! } : input);
    }
  }
  sim.date = today;
  // The applicants of lapsed demo applications get their mail, as on a real install.
  await sweepApplications(db, { now: () => clock.now() }, { applicant: { cipher: deps.cipher } });
  // 复议 / 诉讼 about the third-party refusals (table 四), through the case register.
  for (const [i, c] of cases.entries()) {
    const filed = `${c.year}-07-${15 + i}`;
    if (filed > today) continue;
    await createCase(
      db,
      clerk,
      agency.id,
      i === 0
        ? {
            kind: 'reconsideration',
            party: DEMO_APPLICANTS[8]!.name,
            organ: '泉州市洛江区人民政府',
            filedDate: filed,
            concludedDate: `${c.year}-09-10` <= today ? `${c.year}-09-10` : null,
            result: `${c.year}-09-10` <= today ? 'upheld' : 'pending',
            applicationId: c.id,
          }
        : {
            kind: 'litigation_direct',
            party: DEMO_APPLICANTS[8]!.name,
            organ: '泉州市洛江区人民法院',
            filedDate: filed,
            concludedDate: null,
            result: 'pending',
            applicationId: c.id,
          },
      clock,
    );
  }
  return created;
}

/** The released version (提供文件) of a demo application's information: a short Word document. */
async function releasedVersion(info: string, outcome: string): Promise<{ filename: string; content: Buffer }> {
  const partial = outcome === 'partial';
  const content = await renderDocx({
    title: info,
    subtitle: partial ? '（公开版本，部分内容已作区分处理）' : '（公开版本）',
    body: [
      {
        kind: 'paragraph',
        text: partial
          ? `本文件为“${info}”的公开版本。涉及个人信息、商业秘密的内容已依照《中华人民共和国政府信息公开条例》第三十七条作区分处理，以“■”遮盖。（演示数据）`
          : `本文件为“${info}”，依照《中华人民共和国政府信息公开条例》第三十六条第二项向申请人提供。（演示数据）`,
      },
    ],
    pageNumbers: true,
  });
  return { filename: `${info}（${partial ? '部分公开版' : '公开版'}）.docx`, content };
}

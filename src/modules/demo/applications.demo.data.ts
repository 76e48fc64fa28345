/**
 * The demo bureau's applications (泉州市洛江区工业和信息化局), 2024 and 2025: every outcome row of
 * table 三 in each year, with corrections, consultations, an extension, a fee, a withdrawal, an
 * answer on the spot, a request to correct records (第四十一条), carry-over 2024→2025 and
 * 2025→2026, and a few 复议/诉讼 cases. The bureau had no applications in 2020, as its report
 * says. Applicants, numbers and contents are invented; identity numbers pass their check digits.
 */
import type { ApplicantKind } from '../../domain/applications/applicant.ts';

export interface DemoApplicant {
  kind: ApplicantKind;
  name: string;
  contactPerson?: string;
  idDocType: 'resident_id' | 'credit_code';
  idNumber: string;
  phone: string;
  email?: string;
  address: string;
}

export const DEMO_APPLICANTS: DemoApplicant[] = [
  {
    kind: 'natural_person',
    name: '陈志明',
    idDocType: 'resident_id',
    idNumber: '350504197803052010',
    phone: '13905951234',
    email: 'chenzm@example.com',
    address: '泉州市洛江区河市镇（演示）',
  },
  {
    kind: 'natural_person',
    name: '林晓燕',
    idDocType: 'resident_id',
    idNumber: '35050219920817102X',
    phone: '13805952345',
    address: '泉州市鲤城区（演示）',
  },
  {
    kind: 'natural_person',
    name: '黄国栋',
    idDocType: 'resident_id',
    idNumber: '350521196511203034',
    phone: '13600593456',
    address: '泉州市惠安县（演示）',
  },
  {
    kind: 'natural_person',
    name: '王丽华',
    idDocType: 'resident_id',
    idNumber: '350503198804024044',
    phone: '15959504567',
    email: 'wanglh@example.com',
    address: '泉州市丰泽区（演示）',
  },
  {
    kind: 'commercial',
    name: '泉州市洛江区鑫达机械制造有限公司',
    contactPerson: '张经理',
    idDocType: 'credit_code',
    idNumber: '91350504MA31ABCD1R',
    phone: '0595-22681234',
    address: '泉州市洛江区万安街道（演示）',
  },
  {
    kind: 'commercial',
    name: '福建省恒泰新材料科技有限公司',
    contactPerson: '李主管',
    idDocType: 'credit_code',
    idNumber: '91350504MA2Y4KLM72',
    phone: '0595-22685678',
    email: 'ht@example.com',
    address: '泉州市洛江区双阳街道（演示）',
  },
  {
    kind: 'research',
    name: '泉州市工业技术研究所',
    contactPerson: '周研究员',
    idDocType: 'credit_code',
    idNumber: '12350500488000123U',
    phone: '0595-22501234',
    address: '泉州市丰泽区（演示）',
  },
  {
    kind: 'public_interest',
    name: '泉州市绿色发展促进会',
    contactPerson: '吴秘书长',
    idDocType: 'credit_code',
    idNumber: '52350504MJB123456Y',
    phone: '0595-22609876',
    address: '泉州市洛江区（演示）',
  },
  {
    kind: 'legal_services',
    name: '福建闽南律师事务所',
    contactPerson: '郑律师',
    idDocType: 'credit_code',
    idNumber: '31350000MD01123459',
    phone: '0595-22887766',
    email: 'law@example.com',
    address: '泉州市丰泽区（演示）',
  },
  {
    kind: 'other_org',
    name: '洛江区万安街道某村民委员会',
    contactPerson: '蔡主任',
    idDocType: 'credit_code',
    idNumber: '51350500MJD654321P',
    phone: '0595-22671111',
    address: '泉州市洛江区万安街道（演示）',
  },
];

/** How a demo application goes. */
export type DemoFlow =
  | { kind: 'reply'; outcome: string; reasons?: string; responsibleAgency?: string }
  | { kind: 'onSpot'; outcome: string }
  | { kind: 'unclear' }
  | { kind: 'correctionLapse' }
  | { kind: 'correctedThenGranted' }
  | { kind: 'thirdParty'; outcome: 'withheld_third_party' | 'partial' | 'granted' }
  | { kind: 'agencyConsultation' }
  | { kind: 'excessive' }
  | { kind: 'extension' }
  | { kind: 'feePaid' }
  | { kind: 'feeLapse' }
  | { kind: 'withdrawn' }
  | { kind: 'records' }
  | { kind: 'open' };

export interface DemoApplication {
  /** Arrival date. */
  arrive: string;
  channel: 'in-person' | 'oral' | 'post-signed' | 'post-ordinary' | 'online' | 'email' | 'fax';
  applicant: number;
  info: string;
  flow: DemoFlow;
  /** Working days from receipt to the reply (default 12). */
  replyAfter?: number;
}

const year = (y: number): DemoApplication[] => [
  {
    arrive: `${y}-01-09`,
    channel: 'online',
    applicant: 0,
    info: `${y - 1}年度洛江区工业企业技术改造专项资金拨付明细`,
    flow: { kind: 'reply', outcome: 'granted' },
  },
  {
    arrive: `${y}-01-22`,
    channel: 'in-person',
    applicant: 1,
    info: '洛江区规模以上工业企业名录',
    flow: { kind: 'onSpot', outcome: 'granted' },
  },
  {
    arrive: `${y}-02-19`,
    channel: 'post-signed',
    applicant: 4,
    info: '某工业园区标准厂房建设项目的验收材料',
    flow: { kind: 'thirdParty', outcome: 'partial' },
  },
  {
    arrive: `${y}-03-04`,
    channel: 'email',
    applicant: 2,
    info: '涉及国防科技工业的企业保密资格审查材料',
    flow: { kind: 'reply', outcome: 'withheld_state_secret', reasons: '所申请信息依法确定为国家秘密' },
  },
  {
    arrive: `${y}-03-12`,
    channel: 'online',
    applicant: 3,
    info: '某企业统计调查中的原始数据',
    flow: { kind: 'reply', outcome: 'withheld_prohibited', reasons: '《中华人民共和国统计法》第三十九条禁止泄露' },
  },
  {
    arrive: `${y}-03-25`,
    channel: 'online',
    applicant: 0,
    info: '辖区危险化学品生产企业储存设施的具体位置和储量',
    flow: { kind: 'reply', outcome: 'withheld_security_stability', reasons: '公开后可能危及公共安全' },
  },
  {
    arrive: `${y}-04-08`,
    channel: 'post-signed',
    applicant: 8,
    info: '某企业申报专项资金时提交的财务报表',
    flow: { kind: 'thirdParty', outcome: 'withheld_third_party' },
  },
  {
    arrive: `${y}-04-16`,
    channel: 'online',
    applicant: 1,
    info: '局机关干部年度考核结果',
    flow: { kind: 'reply', outcome: 'withheld_internal', reasons: '属于人事管理方面的内部事务信息' },
  },
  {
    arrive: `${y}-04-24`,
    channel: 'online',
    applicant: 5,
    info: '产业扶持政策制定过程中的讨论记录和征求意见稿',
    flow: { kind: 'reply', outcome: 'withheld_process', reasons: '属于讨论记录、过程稿等过程性信息' },
  },
  {
    arrive: `${y}-05-13`,
    channel: 'fax',
    applicant: 8,
    info: '对某企业违法用电行为的调查案卷',
    flow: { kind: 'reply', outcome: 'withheld_enforcement_file', reasons: '属于行政执法案卷信息' },
  },
  {
    arrive: `${y}-05-21`,
    channel: 'online',
    applicant: 3,
    info: '某公司的工商登记档案',
    flow: { kind: 'reply', outcome: 'withheld_query', reasons: '依照《市场主体登记管理条例》向市场监督管理部门查询' },
  },
  {
    arrive: `${y}-06-03`,
    channel: 'online',
    applicant: 0,
    info: '洛江区2015年以前的企业用地审批文件',
    flow: { kind: 'reply', outcome: 'unavailable_not_held', responsibleAgency: '泉州市洛江区自然资源局（演示）' },
  },
  {
    arrive: `${y}-06-17`,
    channel: 'email',
    applicant: 6,
    info: '近十年全区工业增加值按乡镇、行业交叉分析表',
    flow: { kind: 'reply', outcome: 'unavailable_needs_creation' },
  },
  { arrive: `${y}-07-01`, channel: 'online', applicant: 2, info: '有关文件', flow: { kind: 'unclear' } },
  {
    arrive: `${y}-07-09`,
    channel: 'post-ordinary',
    applicant: 9,
    info: '反映某企业噪声扰民问题，要求查处',
    flow: { kind: 'reply', outcome: 'rejected_petition' },
  },
  {
    arrive: `${y}-07-22`,
    channel: 'online',
    applicant: 0,
    info: `${y - 1}年度洛江区工业企业技术改造专项资金拨付明细`,
    flow: { kind: 'reply', outcome: 'rejected_repeat' },
  },
  {
    arrive: `${y}-08-05`,
    channel: 'online',
    applicant: 3,
    info: '《泉州统计年鉴》纸质版',
    flow: { kind: 'reply', outcome: 'rejected_publication' },
  },
  {
    arrive: `${y}-08-19`,
    channel: 'online',
    applicant: 1,
    info: '全区所有企业每月用电量明细（逐户逐月）',
    flow: { kind: 'excessive' },
  },
  {
    arrive: `${y}-09-02`,
    channel: 'online',
    applicant: 2,
    info: '要求确认本人此前获取的补助文件是否真实有效',
    flow: { kind: 'reply', outcome: 'rejected_confirm' },
  },
  { arrive: `${y}-09-09`, channel: 'online', applicant: 3, info: '某项目相关材料', flow: { kind: 'correctionLapse' } },
  {
    arrive: `${y}-09-23`,
    channel: 'online',
    applicant: 5,
    info: '近三年全区工业项目招商引资协议汇编',
    flow: { kind: 'feeLapse' },
  },
  {
    arrive: `${y}-10-14`,
    channel: 'online',
    applicant: 4,
    info: '中小企业发展专项资金申报指南',
    flow: { kind: 'withdrawn' },
  },
  {
    arrive: `${y}-10-21`,
    channel: 'post-signed',
    applicant: 7,
    info: '辖区重点用能企业节能监察结果',
    flow: { kind: 'agencyConsultation' },
  },
  {
    arrive: `${y}-10-28`,
    channel: 'online',
    applicant: 6,
    info: `${y}年度工业和信息化专项资金项目申报通知及评审结果`,
    flow: { kind: 'extension' },
  },
  {
    arrive: `${y}-11-04`,
    channel: 'email',
    applicant: 9,
    info: '洛江区工业园区规划及历年调整文件汇编',
    flow: { kind: 'feePaid' },
  },
  { arrive: `${y}-11-11`, channel: 'online', applicant: 1, info: '企业名称', flow: { kind: 'correctedThenGranted' } },
  {
    arrive: `${y}-11-18`,
    channel: 'in-person',
    applicant: 2,
    info: '本人在企业登记信息中的姓名有误，申请更正',
    flow: { kind: 'records' },
  },
  {
    arrive: `${y}-11-25`,
    channel: 'online',
    applicant: 0,
    info: `${y}年洛江区“专精特新”中小企业认定名单`,
    flow: { kind: 'reply', outcome: 'granted' },
  },
  {
    arrive: `${y}-12-09`,
    channel: 'online',
    applicant: 4,
    info: `${y}年度工业企业上云用云补助名单`,
    flow: { kind: 'reply', outcome: 'granted' },
    replyAfter: 18,
  },
  {
    arrive: `${y}-12-17`,
    channel: 'post-signed',
    applicant: 3,
    info: '洛江区工业企业安全生产检查通报',
    flow: { kind: 'reply', outcome: 'granted' },
    replyAfter: 14,
  },
  {
    arrive: `${y}-12-24`,
    channel: 'online',
    applicant: 5,
    info: `${y}年度新型工业化示范项目名单`,
    flow: { kind: 'reply', outcome: 'partial', reasons: '涉及企业商业秘密的部分不予公开' },
    replyAfter: 10,
  },
];

/** 2024 and 2025, each with every outcome row; the last three of each year carry over. */
export const DEMO_APPLICATIONS: DemoApplication[] = [...year(2024), ...year(2025)];

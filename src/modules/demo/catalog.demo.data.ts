/**
 * The 洛江区工信局's proactive publications and 第二十条 figures for the demo.
 *
 * 2020 is exactly what ../shared/samples/reports/2020-luojiang-gxj.txt implies: 16 items
 * published in 2020 — 机构职能 1, 政策、规范性文件 1, 行政许可 1, 安全生产 4, 其他 9 — of which one
 * 规范性文件 made and published in 2020; with the 规范性文件 of 2019 still public, 对外公开总数量
 * is 2. Its table 二 power-list rows: 行政许可 4/0/1, 其他对外管理服务事项 7/0/21, 行政处罚 50/0/0,
 * 行政强制 3/0/0, 行政事业性收费 0/0, 政府集中采购 0/0. 2024 and 2025 are plausible years,
 * including a revision (2024) and a repeal (2025) for the V2021 counts. Titles and texts are
 * illustrative, written in the style of such a bureau.
 */
export type DemoCategory = '机构职能' | '政策、规范性文件' | '政策解读' | '行政许可' | '安全生产' | '其他';

export const DEMO_CATEGORIES: Array<{ name: DemoCategory; statutoryItem: string }> = [
  { name: '机构职能', statutoryItem: 'a20.2' },
  { name: '政策、规范性文件', statutoryItem: 'a20.1' },
  { name: '政策解读', statutoryItem: 'a20.1' },
  { name: '行政许可', statutoryItem: 'a20.5' },
  { name: '安全生产', statutoryItem: 'a20.13' },
  { name: '其他', statutoryItem: 'a20.15' },
];

export interface DemoItem {
  key?: string;
  category: DemoCategory;
  docType: 'normative' | 'notice' | 'work_news' | 'plan_report' | 'policy_interpretation' | 'other';
  title: string;
  docNumber?: string;
  formedOn: string;
  /** Publication date; absent = left as a draft. */
  publishedOn?: string;
  body: string;
  effectiveOn?: string;
  replaces?: string;
  /** 政策解读: the key of the policy it explains, a video link and 问答. */
  interprets?: string;
  videoUrl?: string;
  qa?: Array<{ question: string; answer: string }>;
  withdraw?: { on: string; reason: string };
  repeal?: { on: string; reason: string };
}

const P = (...paras: string[]) => paras.map((p) => `<p>${p}</p>`).join('');

export const DEMO_ITEMS: DemoItem[] = [
  // 2019: the 规范性文件 still public in 2020 (对外公开总数量 2).
  {
    key: 'tech-fund-2019',
    category: '政策、规范性文件',
    docType: 'normative',
    title: '洛江区工业和信息化局关于印发《洛江区工业企业技术改造专项资金管理办法》的通知',
    docNumber: '洛工信〔2019〕15号',
    formedOn: '2019-05-10',
    publishedOn: '2019-05-20',
    body: P(
      '各镇（街道）经济服务中心，各有关企业：',
      '为规范工业企业技术改造专项资金管理，提高资金使用效益，我局制定了《洛江区工业企业技术改造专项资金管理办法》，现印发给你们，请认真贯彻执行。',
      '本办法自印发之日起施行，有效期五年。',
    ),
    effectiveOn: '2019-05-20',
  },
  // 2020: sixteen items.
  {
    category: '机构职能',
    docType: 'other',
    title: '泉州市洛江区工业和信息化局机构职能',
    formedOn: '2020-01-06',
    publishedOn: '2020-01-10',
    body: P(
      '泉州市洛江区工业和信息化局是区政府工作部门，负责拟订并组织实施全区工业和信息化发展规划，推进产业结构战略性调整和优化升级。',
      '办公地址：泉州市洛江区万安街道；办公时间：工作日上午8:00—12:00，下午14:30—17:30；联系电话：0595-22630152。',
    ),
  },
  {
    key: 'smes-2020',
    category: '政策、规范性文件',
    docType: 'normative',
    title: '洛江区工业和信息化局关于印发《洛江区促进中小企业发展若干措施》的通知',
    docNumber: '洛工信〔2020〕8号',
    formedOn: '2020-04-14',
    publishedOn: '2020-04-24',
    body: P(
      '各镇（街道），区直有关单位：',
      '为应对新冠肺炎疫情影响，帮助中小企业稳定生产经营，现将《洛江区促进中小企业发展若干措施》印发给你们，请结合实际认真组织实施。',
      '本措施自2020年5月1日起施行。',
    ),
    effectiveOn: '2020-05-01',
  },
  {
    category: '行政许可',
    docType: 'notice',
    title: '洛江区工业和信息化局行政许可事项办事指南（2020年版）',
    formedOn: '2020-03-02',
    publishedOn: '2020-03-09',
    body: P(
      '根据区审改办公布的权责清单，我局实施的行政许可事项共4项。现将各事项的设定依据、申请条件、办理程序、办理时限和咨询电话公布如下，申请人可以通过网上办事大厅或者窗口提交申请。',
    ),
  },
  {
    category: '安全生产',
    docType: 'notice',
    title: '关于开展2020年工贸行业安全生产大检查的通知',
    formedOn: '2020-03-16',
    publishedOn: '2020-03-20',
    body: P(
      '各镇（街道）安监站，各工贸企业：',
      '为切实做好复工复产期间安全生产工作，决定在全区工贸行业开展安全生产大检查，重点检查粉尘涉爆、涉氨制冷和有限空间作业。',
    ),
  },
  {
    category: '安全生产',
    docType: 'work_news',
    title: '区工信局开展“安全生产月”宣传咨询日活动',
    formedOn: '2020-06-16',
    publishedOn: '2020-06-18',
    body: P(
      '6月16日，区工信局在万安街道开展“安全生产月”宣传咨询日活动，现场发放安全生产宣传资料1200余份，解答企业和群众咨询80余人次。',
    ),
  },
  {
    category: '安全生产',
    docType: 'notice',
    title: '关于做好汛期工贸企业安全防范工作的通知',
    formedOn: '2020-05-25',
    publishedOn: '2020-05-29',
    body: P('各工贸企业：当前已进入主汛期，请各企业落实防汛责任，排查厂房、仓库和配电设施的隐患，确保安全度汛。'),
  },
  {
    category: '安全生产',
    docType: 'plan_report',
    title: '洛江区工信局2020年工贸行业安全生产执法检查计划',
    formedOn: '2020-02-20',
    publishedOn: '2020-02-28',
    body: P(
      '根据《中华人民共和国安全生产法》和年度执法工作安排，制定本计划。全年计划检查工贸企业60家次，其中重点企业每半年至少检查一次。',
    ),
  },
  {
    category: '其他',
    docType: 'work_news',
    title: '区工信局召开2020年全区工业经济运行分析会',
    formedOn: '2020-01-15',
    publishedOn: '2020-01-17',
    body: P('1月15日，区工信局召开全区工业经济运行分析会，通报2019年规模以上工业企业运行情况，部署2020年稳增长工作。'),
  },
  {
    category: '其他',
    docType: 'notice',
    title: '关于组织申报2020年省级工业和信息化专项资金项目的通知',
    formedOn: '2020-02-24',
    publishedOn: '2020-03-02',
    body: P(
      '各有关企业：根据省工业和信息化厅通知要求，现组织申报2020年省级工业和信息化专项资金项目，申报截止时间为2020年3月31日。',
    ),
  },
  {
    category: '其他',
    docType: 'work_news',
    title: '区工信局深入企业帮扶复工复产',
    formedOn: '2020-02-18',
    publishedOn: '2020-02-19',
    body: P(
      '疫情防控期间，区工信局组建企业服务小组，深入重点企业协调解决用工、原材料和防疫物资等困难，帮助企业有序复工复产。',
    ),
  },
  {
    category: '其他',
    docType: 'plan_report',
    title: '洛江区工业和信息化局2019年工作总结和2020年工作思路',
    formedOn: '2020-01-20',
    publishedOn: '2020-02-03',
    body: P(
      '2019年，全区规模以上工业增加值增长8.1%。2020年，我局将围绕稳增长、调结构、促创新，重点抓好项目建设和企业服务。',
    ),
  },
  {
    category: '其他',
    docType: 'notice',
    title: '关于开展2020年度工业企业技术改造项目备案工作的通知',
    formedOn: '2020-04-01',
    publishedOn: '2020-04-08',
    body: P(
      '各工业企业：为做好技术改造项目备案管理，请拟于本年度实施技术改造的企业通过福建省投资项目在线审批监管平台办理备案。',
    ),
  },
  {
    category: '其他',
    docType: 'work_news',
    title: '区工信局举办工业互联网应用培训会',
    formedOn: '2020-07-09',
    publishedOn: '2020-07-10',
    body: P('7月9日，区工信局举办工业互联网应用培训会，全区50余家规模以上工业企业负责人参加培训。'),
  },
  {
    category: '其他',
    docType: 'notice',
    title: '关于公布2020年洛江区“专精特新”中小企业名单的通知',
    formedOn: '2020-09-14',
    publishedOn: '2020-09-21',
    body: P('经企业申报、镇（街道）推荐和专家评审，认定12家企业为2020年洛江区“专精特新”中小企业，现予公布。'),
  },
  {
    category: '其他',
    docType: 'work_news',
    title: '区工信局开展节能宣传周活动',
    formedOn: '2020-06-29',
    publishedOn: '2020-07-01',
    body: P('节能宣传周期间，区工信局组织重点用能企业开展节能知识竞赛，推广高效电机和余热利用技术。'),
  },
  {
    category: '其他',
    docType: 'plan_report',
    title: '洛江区工业和信息化局2020年政府信息公开工作要点',
    formedOn: '2020-03-20',
    publishedOn: '2020-03-27',
    body: P('2020年，我局将严格落实保密审查和信息发布审核制度，及时更新办事指南，依法办理政府信息公开申请。'),
  },
  // 2024: a revision of the 2019 document, which it retires (V2021 本年废止件数).
  {
    category: '机构职能',
    docType: 'other',
    title: '泉州市洛江区工业和信息化局机构职能（2024年更新）',
    formedOn: '2024-01-08',
    publishedOn: '2024-01-12',
    body: P('根据机构改革方案，更新本局内设机构和负责人信息。'),
  },
  {
    key: 'tech-fund-2024',
    category: '政策、规范性文件',
    docType: 'normative',
    title: '洛江区工业和信息化局关于印发《洛江区工业企业技术改造专项资金管理办法（修订）》的通知',
    docNumber: '洛工信规〔2024〕1号',
    formedOn: '2024-06-03',
    publishedOn: '2024-06-14',
    effectiveOn: '2024-07-01',
    replaces: 'tech-fund-2019',
    body: P(
      '为适应新形势下技术改造工作要求，我局对《洛江区工业企业技术改造专项资金管理办法》进行了修订，现印发给你们，自2024年7月1日起施行，原办法同时废止。',
    ),
  },
  {
    category: '政策解读',
    docType: 'policy_interpretation',
    interprets: 'tech-fund-2024',
    title: '《洛江区工业企业技术改造专项资金管理办法（修订）》政策解读',
    formedOn: '2024-06-03',
    publishedOn: '2024-06-14',
    qa: [
      {
        question: '修订后设备投资补助比例是多少？',
        answer: '由原来的8%提高到10%，单个项目最高补助200万元。',
      },
      {
        question: '2024年7月1日前已开工的项目按哪个办法执行？',
        answer: '2024年7月1日前已备案并开工的项目，可以选择按原办法或者修订后的办法申报，但不得重复享受。',
      },
    ],
    body: P(
      '一、修订背景。二、主要内容：将设备投资补助比例由8%调整为10%，新增数字化改造奖励。三、施行时间：2024年7月1日。',
    ),
  },
  {
    category: '行政许可',
    docType: 'notice',
    title: '洛江区工业和信息化局行政许可事项办事指南（2024年版）',
    formedOn: '2024-02-26',
    publishedOn: '2024-03-01',
    body: P('根据调整后的权责清单，我局实施的行政许可事项共3项，现将办事指南公布如下。'),
  },
  {
    category: '安全生产',
    docType: 'notice',
    title: '关于开展2024年工贸行业重大事故隐患专项排查整治的通知',
    formedOn: '2024-03-11',
    publishedOn: '2024-03-15',
    body: P(
      '各工贸企业：按照国务院安委会部署，在全区工贸行业开展重大事故隐患专项排查整治行动，企业主要负责人是第一责任人。',
    ),
  },
  {
    category: '安全生产',
    docType: 'work_news',
    title: '区工信局组织粉尘涉爆企业安全培训',
    formedOn: '2024-05-20',
    publishedOn: '2024-05-22',
    body: P('区工信局邀请专家为全区粉尘涉爆企业讲解除尘系统安全要求，40余名企业安全管理人员参训。'),
  },
  {
    category: '其他',
    docType: 'notice',
    title: '关于申报2024年度数字经济发展专项资金的通知',
    formedOn: '2024-04-08',
    publishedOn: '2024-04-12',
    body: P('各有关企业：现组织申报2024年度数字经济发展专项资金，重点支持工业互联网平台和智能工厂建设项目。'),
  },
  {
    category: '其他',
    docType: 'work_news',
    title: '区工信局召开2024年一季度工业经济运行调度会',
    formedOn: '2024-04-10',
    publishedOn: '2024-04-11',
    body: P('会议通报一季度全区规模以上工业运行情况，分析存在问题，部署二季度稳增长重点工作。'),
  },
  {
    category: '其他',
    docType: 'plan_report',
    title: '洛江区工业和信息化局2023年法治政府建设情况报告',
    formedOn: '2024-01-25',
    publishedOn: '2024-01-31',
    body: P('2023年，我局认真落实法治政府建设责任，规范行政执法，全年办理行政许可3件，未发生行政复议和行政诉讼案件。'),
  },
  {
    category: '其他',
    docType: 'notice',
    title: '关于公布2024年洛江区“专精特新”中小企业名单的通知',
    formedOn: '2024-09-02',
    publishedOn: '2024-09-06',
    body: P('经评审，认定15家企业为2024年洛江区“专精特新”中小企业，现予公布，公示期间无异议。'),
  },
  // 2025: a repeal of the 2020 measures, a withdrawal, and drafts still in the workflow.
  {
    key: 'digital-2025',
    category: '政策、规范性文件',
    docType: 'normative',
    title: '洛江区工业和信息化局关于印发《洛江区推动制造业数字化转型若干措施》的通知',
    docNumber: '洛工信规〔2025〕1号',
    formedOn: '2025-03-10',
    publishedOn: '2025-03-21',
    effectiveOn: '2025-04-01',
    body: P(
      '各镇（街道），区直有关单位：现将《洛江区推动制造业数字化转型若干措施》印发给你们，自2025年4月1日起施行，有效期三年。',
    ),
  },
  {
    category: '政策解读',
    docType: 'policy_interpretation',
    interprets: 'digital-2025',
    title: '一图读懂《洛江区推动制造业数字化转型若干措施》',
    formedOn: '2025-03-10',
    publishedOn: '2025-03-21',
    videoUrl: 'https://www.example.gov.cn/video/luojiang-digital-2025.mp4',
    body: P(
      '一、出台背景：落实全省制造业数字化转型三年行动，推动规模以上工业企业数字化改造全覆盖。',
      '二、主要措施：对企业购买工业软件、上云用云、建设智能工厂分别给予补助；对获评省级以上智能制造示范的企业给予一次性奖励。',
      '三、申报方式：每年集中申报一次，具体时间另行通知。',
    ),
    qa: [
      {
        question: '哪些企业可以申报？',
        answer: '在洛江区依法登记注册、具有独立法人资格的规模以上工业企业和专精特新中小企业。',
      },
      { question: '措施的有效期多长？', answer: '自2025年4月1日起施行，有效期三年。' },
    ],
  },
  {
    key: 'smes-2020-repeal',
    category: '其他',
    docType: 'notice',
    title: '关于废止《洛江区促进中小企业发展若干措施》的公告',
    formedOn: '2025-06-20',
    publishedOn: '2025-06-27',
    body: P(
      '经清理，《洛江区促进中小企业发展若干措施》（洛工信〔2020〕8号）的阶段性政策目标已经完成，自2025年6月30日起废止。',
    ),
  },
  {
    category: '安全生产',
    docType: 'notice',
    title: '关于做好2025年汛期工贸企业安全生产工作的通知',
    formedOn: '2025-05-12',
    publishedOn: '2025-05-16',
    body: P('各工贸企业：请落实汛期值班值守和隐患排查制度，做好防汛物资储备，遇极端天气及时停产撤人。'),
  },
  {
    category: '安全生产',
    docType: 'work_news',
    title: '区工信局开展有限空间作业安全专项检查',
    formedOn: '2025-04-14',
    publishedOn: '2025-04-18',
    body: P('检查组对12家涉及有限空间作业的企业进行了检查，发现问题隐患23项，已督促企业限期整改。'),
  },
  {
    category: '行政许可',
    docType: 'notice',
    title: '关于行政许可事项网上办理的公告',
    formedOn: '2025-02-17',
    publishedOn: '2025-02-21',
    body: P(
      '自2025年3月1日起，我局行政许可事项全部实现网上申请、网上审批，申请人可以在福建省网上办事大厅提交申请材料。',
    ),
  },
  {
    category: '其他',
    docType: 'notice',
    title: '关于征集2025年工业企业数字化转型典型案例的通知',
    formedOn: '2025-07-07',
    publishedOn: '2025-07-11',
    body: P('为总结推广企业数字化转型经验，现征集2025年工业企业数字化转型典型案例，请于8月15日前报送。'),
  },
  {
    category: '其他',
    docType: 'work_news',
    title: '区工信局召开2025年上半年工业经济运行分析会',
    formedOn: '2025-07-15',
    publishedOn: '2025-07-16',
    body: P('会议指出，上半年全区规模以上工业增加值增长6.2%，要求各镇（街道）加强重点企业服务，确保完成全年目标。'),
  },
  {
    category: '其他',
    docType: 'notice',
    title: '关于开展2025年度企业技术中心认定工作的通知',
    formedOn: '2025-08-04',
    publishedOn: '2025-09-10',
    body: P('各有关企业：现启动2025年度区级企业技术中心认定工作，请符合条件的企业于9月30日前提交申请材料。'),
  },
  {
    category: '其他',
    docType: 'notice',
    title: '关于举办2025年工业产品供需对接会的通知（已撤回）',
    formedOn: '2025-05-06',
    publishedOn: '2025-05-09',
    body: P('定于2025年5月20日在区会展中心举办工业产品供需对接会，请有意参会的企业报名。'),
    withdraw: { on: '2025-05-14', reason: '因场地调整，对接会延期举办，原通知撤回，另行发布' },
  },
  {
    category: '其他',
    docType: 'notice',
    title: '关于开展2026年工业稳增长企业摸底调查的通知',
    formedOn: '2026-02-09',
    body: P('各镇（街道）：请于2月底前完成辖区规模以上工业企业一季度生产经营情况摸底调查。'),
  },
  {
    category: '安全生产',
    docType: 'notice',
    title: '关于做好2026年春节后工贸企业复工复产安全工作的通知',
    formedOn: '2026-02-24',
    body: P('各工贸企业：节后复工前，请全面开展安全检查，对员工进行复工安全教育。'),
  },
];

/** The 2025 repeal of the 2020 measures (V2021 本年废止件数 in 2025). */
export const DEMO_REPEAL = {
  item: 'smes-2020',
  endedOn: '2025-06-30',
  reason: '依据《关于废止〈洛江区促进中小企业发展若干措施〉的公告》，阶段性政策目标已完成',
};

const SOURCE_2020 = '泉州市洛江区审改办权责清单（2019年、2020年12月31日版）及本局行政执法台账';

/** Power-list figures: [year, kind, items on 31 December, decisions in the year]. */
export const DEMO_POWER_LIST: Array<{
  year: number;
  kind: 'licensing' | 'other_services' | 'penalty' | 'enforcement' | 'fees';
  itemCount: number;
  decisions: number | null;
  source: string;
}> = [
  { year: 2019, kind: 'licensing', itemCount: 4, decisions: null, source: SOURCE_2020 },
  { year: 2019, kind: 'other_services', itemCount: 7, decisions: null, source: SOURCE_2020 },
  { year: 2019, kind: 'penalty', itemCount: 50, decisions: null, source: SOURCE_2020 },
  { year: 2019, kind: 'enforcement', itemCount: 3, decisions: null, source: SOURCE_2020 },
  { year: 2019, kind: 'fees', itemCount: 0, decisions: null, source: SOURCE_2020 },
  { year: 2020, kind: 'licensing', itemCount: 4, decisions: 1, source: SOURCE_2020 },
  { year: 2020, kind: 'other_services', itemCount: 7, decisions: 21, source: SOURCE_2020 },
  { year: 2020, kind: 'penalty', itemCount: 50, decisions: 0, source: SOURCE_2020 },
  { year: 2020, kind: 'enforcement', itemCount: 3, decisions: 0, source: SOURCE_2020 },
  { year: 2020, kind: 'fees', itemCount: 0, decisions: null, source: SOURCE_2020 },
  ...(['2023', '2024', '2025'] as const).flatMap((y) => [
    {
      year: Number(y),
      kind: 'licensing' as const,
      itemCount: 3,
      decisions: y === '2023' ? 3 : y === '2024' ? 2 : 4,
      source: `泉州市洛江区权责清单（${y}年12月31日版）及本局行政审批台账`,
    },
    {
      year: Number(y),
      kind: 'other_services' as const,
      itemCount: 6,
      decisions: y === '2023' ? 18 : y === '2024' ? 25 : 19,
      source: `泉州市洛江区权责清单（${y}年12月31日版）`,
    },
    {
      year: Number(y),
      kind: 'penalty' as const,
      itemCount: 46,
      decisions: y === '2024' ? 2 : 1,
      source: `本局行政执法台账（${y}年）`,
    },
    { year: Number(y), kind: 'enforcement' as const, itemCount: 3, decisions: 0, source: `本局行政执法台账（${y}年）` },
    {
      year: Number(y),
      kind: 'fees' as const,
      itemCount: 0,
      decisions: null,
      source: `泉州市洛江区行政事业性收费目录清单（${y}年）`,
    },
  ]),
];

/** 政府集中采购 (元) and fees collected (万元) per year. */
export const DEMO_AMOUNTS = [
  {
    year: 2020,
    procurementProjects: 0,
    procurementAmountYuan: '0',
    feesCollectedWan: '0',
    source: SOURCE_2020 + '；区财政局政府采购备案',
  },
  {
    year: 2024,
    procurementProjects: 1,
    procurementAmountYuan: '186000',
    feesCollectedWan: '0',
    source: '区财政局政府采购备案（2024年）',
  },
  {
    year: 2025,
    procurementProjects: 2,
    procurementAmountYuan: '342500.50',
    feesCollectedWan: '0',
    source: '区财政局政府采购备案（2025年）',
  },
];

export const DEMO_RULES_HTML =
  '<h2>政府信息公开工作制度</h2><p>一、保密审查制度。拟公开的政府信息，由起草股室初审后送局保密审查员审查，审查意见记录在案。</p><p>二、发布审核制度。经保密审查的信息由局办公室负责人审核后发布。</p><p>三、依申请公开办理制度。申请由局办公室统一登记，按照《条例》规定的期限答复。</p><p>四、信息更新和撤回制度。已公开信息发生变化的及时更正，不宜继续公开的依程序撤回并说明理由。</p>';

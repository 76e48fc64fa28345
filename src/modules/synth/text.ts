/**
 * Government-style titles and bodies for synthetic data, from phrase banks and a seeded PRNG
 * (deterministic: the same seed gives the same dataset). Titles follow the usual patterns
 * (「X关于Y的通知」, 「X年Y工作要点」, 「关于公布Y名单的公告」); bodies are paragraphs of the
 * phrases agencies use, so segmentation and search behave as on real documents.
 */

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

const ACTIONS = [
  '开展',
  '做好',
  '加强',
  '印发',
  '公布',
  '组织申报',
  '进一步规范',
  '深入推进',
  '全面落实',
  '启动',
  '调整',
  '征集',
];
const TOPICS = [
  '安全生产大检查',
  '政府信息公开工作',
  '行政许可事项办理',
  '中小企业发展专项资金',
  '工业互联网应用推广',
  '节能监察',
  '秸秆综合利用',
  '农村人居环境整治',
  '义务教育招生入学',
  '城乡居民医疗保险参保缴费',
  '就业创业补贴申领',
  '困难群众救助',
  '防汛防台风',
  '森林防火',
  '食品安全监督抽检',
  '道路交通安全整治',
  '营商环境优化',
  '行政复议案件办理',
  '重大建设项目批准和实施',
  '政府集中采购',
  '财政预算决算公开',
  '统计数据发布',
  '公务员招录',
  '扶贫项目资金使用',
  '土地征收补偿',
  '房屋征收补偿',
  '市政道路改造',
  '老旧小区改造',
  '乡村振兴重点项目',
  '高标准农田建设',
  '生态环境保护督察整改',
  '大气污染防治',
  '河长制工作',
  '消防安全隐患排查',
  '疫苗接种',
  '电动自行车安全管理',
  '燃气安全专项整治',
  '农民工工资支付',
];
const DOC_KINDS = ['通知', '通告', '公告', '意见', '实施方案', '工作要点', '管理办法', '公示', '情况报告', '答复'];
const SUBJECTS = ['各镇（街道）', '区直各有关单位', '各有关企业', '各村（居）委会', '各学校', '各医疗卫生机构'];
const PHRASES = [
  '为深入贯彻落实上级决策部署，进一步提高工作质量和效率，结合本地实际，制定本方案。',
  '各单位要高度重视，明确责任分工，细化工作措施，确保各项任务按时完成。',
  '申请人可以通过政务服务网、窗口或者信函方式提交申请材料，办理时限为二十个工作日。',
  '对检查中发现的问题隐患，要建立台账，限期整改，整改情况及时报送。',
  '本办法自印发之日起施行，由本机关负责解释。',
  '各地要加强政策宣传解读，及时回应社会关切，主动接受社会监督。',
  '资金使用情况将在政府信息公开专栏予以公开，接受群众监督。',
  '联系人及联系电话见附件，请各单位于规定时间前报送。',
  '对不符合条件的申请，应当书面告知申请人并说明理由。',
  '依法保障公民、法人和其他组织的知情权、参与权、表达权和监督权。',
  '建立健全工作协调机制，加强部门之间的信息共享和业务协同。',
  '本年度共受理相关申请，全部在法定期限内办结，未发生行政复议和行政诉讼。',
];

/** A title in the style of a government document. */
export function title(r: () => number, agencyShort: string, year: number): string {
  const topic = pick(r, TOPICS);
  switch (Math.floor(r() * 5)) {
    case 0:
      return `${agencyShort}关于${pick(r, ACTIONS)}${year}年${topic}的${pick(r, DOC_KINDS)}`;
    case 1:
      return `${agencyShort}${year}年${topic}${pick(r, ['工作要点', '实施方案', '情况报告', '工作总结'])}`;
    case 2:
      return `关于公布${year}年${topic}${pick(r, ['名单', '结果', '情况'])}的公告`;
    case 3:
      return `关于${pick(r, ACTIONS)}${topic}的${pick(r, DOC_KINDS)}`;
    default:
      return `${topic}${pick(r, ['政策解读', '办事指南', '工作动态', '信息公示'])}`;
  }
}

/** A body of 3–6 paragraphs. */
export function body(r: () => number): string {
  const n = 3 + Math.floor(r() * 4);
  const paras = [`${pick(r, SUBJECTS)}：`];
  for (let i = 0; i < n; i++) paras.push(pick(r, PHRASES) + pick(r, PHRASES));
  return paras.map((p) => `<p>${p}</p>`).join('');
}

/** Words that occur in many titles (the "common" half of a benchmark's query mix). */
export const COMMON_WORDS = ['通知', '公开', '工作', '安全', '关于'];
/** Words that occur in few titles (the "selective" half). */
export const SELECTIVE_WORDS = [
  '秸秆',
  '燃气',
  '疫苗',
  '台风',
  '河长制',
  '老旧小区',
  '农民工',
  '电动自行车',
  '高标准农田',
  '森林防火',
];

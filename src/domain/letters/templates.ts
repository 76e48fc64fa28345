/**
 * Default letters (告知书 and notices) in the register of an administrative document, citing the
 * articles of the 《中华人民共和国政府信息公开条例》(2019). One reply letter per outcome of report
 * table 三 at the V2021 grain, plus the notices of the procedure. Each agency may override any of
 * them (src/modules/letters). Lines of `body` are paragraphs.
 */
import { OUTCOME_KEYS, type OutcomeKey } from '../report/index.ts';
import type { PlaceholderName } from './placeholders.ts';

export const NOTICE_KEYS = [
  'correction_notice',
  'consultation_third_party',
  'consultation_agency',
  'extension_notice',
  'fee_notice',
  'third_party_disclosure',
  'date_change_notice',
] as const;
export type NoticeKey = (typeof NOTICE_KEYS)[number];
/** 第三十六条第五项 (not this agency's information) is counted as unavailable_not_held but has its own wording. */
export const VARIANT_KEYS = ['unavailable_not_responsible'] as const;
export type LetterKey = OutcomeKey | NoticeKey | (typeof VARIANT_KEYS)[number];
export const LETTER_KEYS: readonly LetterKey[] = [...OUTCOME_KEYS, ...VARIANT_KEYS, ...NOTICE_KEYS];

export interface LetterTemplate {
  /** What the console lists it as. */
  name: string;
  title: string;
  /** The addressee line, e.g. {{申请人}}. */
  recipient: string;
  /** Paragraphs, one per line. */
  body: string;
}

const REPLY = '政府信息公开申请答复书';
const OPENING =
  '本机关于{{收到申请日期}}收到您提出的政府信息公开申请（{{申请编号}}），申请获取“{{信息名称}}”。经审查，现答复如下：';
// 行政复议法 第二十条（六十日）; 行政诉讼法 第四十六条（六个月）; the bodies named per remedy.ts.
const REMEDY =
  '如对本答复不服，您可以自收到本答复书之日起六十日内向{{复议机关}}申请行政复议，或者自收到本答复书之日起六个月内向{{管辖法院}}提起行政诉讼。';
const CONTACT = '联系电话：{{联系电话}}。';
const TIAOLI = '《中华人民共和国政府信息公开条例》';

function reply(name: string, ...middle: string[]): LetterTemplate {
  return { name, title: REPLY, recipient: '{{申请人}}', body: [OPENING, ...middle, REMEDY, CONTACT].join('\n') };
}

// The remedy of a 告知书 that ends the application without a reply.
const LAPSE_REMEDY =
  '如对本告知不服，您可以自收到本告知书之日起六十日内向{{复议机关}}申请行政复议，或者自收到本告知书之日起六个月内向{{管辖法院}}提起行政诉讼。';

/**
 * 视为放弃申请告知书: the written notice that an application lapsed and is treated as abandoned
 * (第三十条 逾期不补正; 国办函〔2020〕109号 逾期未缴费). Issued by the sweep with the lapse.
 */
function lapse(name: string, fact: string, consequence: string): LetterTemplate {
  return {
    name,
    title: '政府信息公开申请视为放弃告知书',
    recipient: '{{申请人}}',
    body: [
      '本机关于{{收到申请日期}}收到您提出的政府信息公开申请（{{申请编号}}），申请获取“{{信息名称}}”。',
      fact,
      consequence,
      LAPSE_REMEDY,
      CONTACT,
    ].join('\n'),
  };
}

// The articles cited come from the handler's legal basis (citation.ts adds 第三十六条第三项).
const withheld = (name: string, finding: string) =>
  reply(name, `${finding}根据{{法律依据}}的规定，本机关决定不予公开。`);

/** The defaults, by key. */
export const DEFAULT_TEMPLATES: Record<LetterKey, LetterTemplate> = {
  granted: reply(
    '予以公开',
    `您申请获取的政府信息属于公开范围。根据{{法律依据}}的规定，本机关予以公开。获取方式：{{获取方式}}。`,
  ),
  partial: reply(
    '部分公开',
    `您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理。根据{{法律依据}}的规定，本机关向您提供可以公开的政府信息内容，获取方式：{{获取方式}}。`,
    '不予公开部分的理由：{{不予公开理由}}。',
  ),
  withheld_state_secret: withheld('不予公开：属于国家秘密', '您申请获取的政府信息依法确定为国家秘密。'),
  withheld_prohibited: withheld(
    '不予公开：其他法律行政法规禁止公开',
    '您申请获取的政府信息属于法律、行政法规禁止公开的政府信息。',
  ),
  withheld_security_stability: withheld(
    '不予公开：危及“三安全一稳定”',
    '您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，理由是：{{不予公开理由}}。',
  ),
  withheld_third_party: withheld(
    '不予公开：保护第三方合法权益',
    '您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害：{{不予公开理由}}。',
  ),
  withheld_internal: withheld(
    '不予公开：属于三类内部事务信息',
    '您申请获取的政府信息属于本机关的内部事务信息（人事管理、后勤管理、内部工作流程等方面的信息）。',
  ),
  withheld_process: withheld(
    '不予公开：属于四类过程性信息',
    '您申请获取的政府信息属于本机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息。',
  ),
  withheld_enforcement_file: withheld('不予公开：属于行政执法案卷', '您申请获取的政府信息属于行政执法案卷信息。'),
  withheld_query: reply(
    '不予公开：属于行政查询事项',
    `您申请获取的信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定。根据{{法律依据}}的规定，请您依照有关法律、行政法规的规定办理。`,
  ),
  unavailable_not_held: reply(
    '无法提供：本机关不掌握相关政府信息',
    `经检索，本机关没有制作或者获取您申请公开的政府信息，该政府信息不存在。根据{{法律依据}}的规定，特此告知。`,
  ),
  unavailable_not_responsible: reply(
    '无法提供：不属于本机关负责公开',
    `经审查，您申请获取的政府信息不属于本机关负责公开。根据{{法律依据}}的规定，特此告知。负责公开该政府信息的行政机关：{{负责机关}}。`,
  ),
  unavailable_needs_creation: reply(
    '无法提供：没有现成信息需要另行制作',
    `本机关没有您所描述的现成信息，提供该信息需要本机关对现有政府信息进行加工、分析。根据{{法律依据}}的规定，本机关不予提供。`,
  ),
  unavailable_unclear: reply(
    '无法提供：补正后申请内容仍不明确',
    `本机关已告知您对申请作出补正。您补正后的申请内容仍不明确，本机关无法据此确定您所需的政府信息。根据{{法律依据}}的规定，本机关无法提供。`,
  ),
  rejected_petition: reply(
    '不予处理：信访举报投诉类申请',
    `您以政府信息公开申请的形式提出的事项属于信访、投诉、举报等活动。根据{{法律依据}}的规定，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出。`,
  ),
  rejected_repeat: reply(
    '不予处理：重复申请',
    `本机关已就您提出的相同政府信息公开申请作出答复。根据{{法律依据}}的规定，本机关不予重复处理。`,
  ),
  rejected_publication: reply(
    '不予处理：要求提供公开出版物',
    `您申请获取的是政府公报、报刊、书籍等公开出版物。根据{{法律依据}}的规定，告知您获取途径：{{获取方式}}。`,
  ),
  rejected_excessive: reply(
    '不予处理：无正当理由大量反复申请',
    `您申请公开政府信息的数量、频次明显超过合理范围，本机关已要求您说明理由。经审查，您的申请理由不合理。根据{{法律依据}}的规定，本机关不予处理。`,
  ),
  rejected_confirm: reply(
    '不予处理：要求确认或重新出具已获取信息',
    `您的申请内容为要求本机关确认或者重新出具您已获取的信息，不属于${TIAOLI}规定的政府信息公开申请，本机关不予处理。`,
  ),
  other_no_correction: lapse(
    '逾期不补正：视为放弃申请告知书',
    '本机关已一次性告知您对申请作出补正，补正期限已于{{补正期限}}届满，您无正当理由逾期未补正。',
    `根据${TIAOLI}第三十条的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。`,
  ),
  // 国办函〔2020〕109号: non-payment in time → 视为放弃申请. regulation.md §9.2 marks this recalled, not
  // confirmed; the payment period is the clock setting feePaymentWorkingDays (default 20) and
  // agencies may edit the wording.
  other_no_fee: lapse(
    '逾期未缴费：视为放弃申请告知书',
    '本机关已向您发出收费通知，您未在{{缴费期限}}前缴纳信息处理费。',
    '根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，视为您放弃申请，本机关不再处理该政府信息公开申请。',
  ),
  other_other: reply('其他处理：其他', '{{不予公开理由}}。本机关终止处理该政府信息公开申请。'),
  correction_notice: {
    name: '补正通知书',
    title: '政府信息公开申请补正告知书',
    recipient: '{{申请人}}',
    body: [
      '本机关于{{收到申请日期}}收到您提出的政府信息公开申请（{{申请编号}}）。经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第二十九条、第三十条的规定，现一次性告知您对下列事项作出补正：',
      '{{补正事项}}',
      '请于{{补正期限}}前将补正后的申请提交本机关。答复期限自本机关收到补正的申请之日起计算。您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
      CONTACT,
    ].join('\n'),
  },
  consultation_third_party: {
    name: '征求意见书（第三方）',
    title: '政府信息公开征求第三方意见书',
    recipient: '{{第三方}}',
    body: [
      '本机关收到一份政府信息公开申请，申请公开“{{信息名称}}”。经审查，该政府信息的公开可能损害你方的合法权益。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求你方意见。',
      '请你方自收到本征求意见书之日起15个工作日内（即{{征求意见期限}}前）书面提出是否同意公开的意见；不同意公开的，请说明理由。逾期未提出意见的，本机关将依照《中华人民共和国政府信息公开条例》的规定决定是否公开。',
      CONTACT,
    ].join('\n'),
  },
  consultation_agency: {
    name: '征求意见书（其他机关）',
    title: '政府信息公开征求意见函',
    recipient: '{{第三方}}',
    body: [
      '本机关收到一份政府信息公开申请，申请公开“{{信息名称}}”。该政府信息由本机关与贵机关共同制作。根据《中华人民共和国政府信息公开条例》第三十四条的规定，现征求贵机关意见。',
      '请贵机关自收到本函之日起15个工作日内（即{{征求意见期限}}前）提出意见。逾期未提出意见的，视为同意公开。',
      CONTACT,
    ].join('\n'),
  },
  extension_notice: {
    name: '延期答复告知书',
    title: '政府信息公开申请延期答复告知书',
    recipient: '{{申请人}}',
    body: [
      '本机关于{{收到申请日期}}收到您提出的政府信息公开申请（{{申请编号}}），申请获取“{{信息名称}}”。因{{延期理由}}，本机关不能在法定期限内作出答复。',
      '根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关政府信息公开工作机构负责人同意，答复期限延长{{延长天数}}个工作日，本机关将于{{答复期限}}前作出答复。',
      CONTACT,
    ].join('\n'),
  },
  third_party_disclosure: {
    name: '决定公开告知书（第三方）',
    title: '政府信息公开决定公开告知书',
    recipient: '{{第三方}}',
    body: [
      '本机关就“{{信息名称}}”的公开书面征求了你方意见，你方不同意公开。经审查，本机关认为不公开可能对公共利益造成重大影响，根据《中华人民共和国政府信息公开条例》第十五条、第三十二条的规定，决定予以公开。现将决定公开的政府信息内容和理由书面告知如下：',
      '决定公开的内容：{{公开内容}}',
      '决定公开的理由：{{公开理由}}',
      '你方如认为本决定侵犯你方合法权益，可以自收到本告知书之日起六十日内向{{复议机关}}申请行政复议，或者自收到本告知书之日起六个月内向{{管辖法院}}提起行政诉讼。',
      CONTACT,
    ].join('\n'),
  },
  // lifecycle.md "Provisional years": the applicant whose provisional date moved when the year was imported.
  date_change_notice: {
    name: '期限调整告知书',
    title: '政府信息公开申请期限调整告知书',
    recipient: '{{申请人}}',
    body: [
      '本机关于{{收到申请日期}}收到您提出的政府信息公开申请（{{申请编号}}），申请获取“{{信息名称}}”。此前告知您的日期，因国务院办公厅尚未公布{{节假日年份}}部分节假日安排，系按《全国年节及纪念日放假办法》规定的法定节假日暂定。',
      '《中华人民共和国政府信息公开条例》第三十三条规定的答复期限等以工作日计算，现按国务院办公厅公布的{{节假日年份}}节假日安排核定：{{变更事项}}。',
      '特此告知。',
      CONTACT,
    ].join('\n'),
  },
  fee_notice: {
    name: '收费通知书',
    title: '政府信息公开信息处理费收费通知书',
    recipient: '{{申请人}}',
    body: [
      '本机关于{{收到申请日期}}收到您提出的政府信息公开申请（{{申请编号}}）。根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，您的申请需缴纳信息处理费{{收费金额}}元。计收依据：{{收费依据}}。',
      '请于{{缴费期限}}前通过以下方式缴纳：{{缴费方式}}。自本通知发出之日至您缴纳费用之日的期间，不计算在答复期限内。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。',
      CONTACT,
    ].join('\n'),
  },
};

/** The table 三 row a letter's decision is counted in (null for a notice). */
export function letterOutcome(key: LetterKey): OutcomeKey | null {
  if (key === 'unavailable_not_responsible') return 'unavailable_not_held';
  return (OUTCOME_KEYS as readonly string[]).includes(key) ? (key as OutcomeKey) : null;
}

/** Filled for every letter from the agency and the letter's date (letters.compose.ts). */
const AUTOMATIC: readonly PlaceholderName[] = ['机关名称', '答复日期', '联系电话', '复议机关', '管辖法院'];
/** What every letter to the applicant can name about the application. */
const ABOUT_APPLICATION: readonly PlaceholderName[] = ['申请人', '申请编号', '收到申请日期', '信息名称'];
const REPLY_PLACEHOLDERS: readonly PlaceholderName[] = [
  ...AUTOMATIC,
  ...ABOUT_APPLICATION,
  '答复期限',
  '法律依据',
  '不予公开理由',
  '获取方式',
  '负责机关',
];

/**
 * The placeholders each template may use: those its letter is filled with. Saving a template
 * with any other is refused, so an agency's edit can never make a workflow step fail for a
 * value the step does not have. The consultation letters go to third parties and other
 * agencies and may not name the applicant (no {{申请人}}, {{申请编号}}): the applicant's
 * identity is personal information the consulted party does not need (docs/letters.md).
 */
export const TEMPLATE_PLACEHOLDERS: Record<LetterKey, readonly PlaceholderName[]> = {
  ...(Object.fromEntries(OUTCOME_KEYS.map((k) => [k, REPLY_PLACEHOLDERS])) as Record<
    OutcomeKey,
    readonly PlaceholderName[]
  >),
  // The 视为放弃申请告知书 is filled by the sweep with the application's facts and the lapsed period's end.
  other_no_correction: [...AUTOMATIC, ...ABOUT_APPLICATION, '补正期限'],
  other_no_fee: [...AUTOMATIC, ...ABOUT_APPLICATION, '缴费期限'],
  unavailable_not_responsible: REPLY_PLACEHOLDERS,
  correction_notice: [...AUTOMATIC, ...ABOUT_APPLICATION, '补正事项', '补正期限'],
  consultation_third_party: [...AUTOMATIC, '收到申请日期', '信息名称', '第三方', '征求意见期限'],
  consultation_agency: [...AUTOMATIC, '收到申请日期', '信息名称', '第三方', '征求意见期限'],
  extension_notice: [...AUTOMATIC, ...ABOUT_APPLICATION, '延长天数', '延期理由', '答复期限'],
  fee_notice: [...AUTOMATIC, ...ABOUT_APPLICATION, '收费金额', '收费依据', '缴费期限', '缴费方式'],
  // To the third party: like the consultation letter, it never names the applicant.
  third_party_disclosure: [...AUTOMATIC, '信息名称', '第三方', '公开内容', '公开理由'],
  date_change_notice: [...AUTOMATIC, ...ABOUT_APPLICATION, '节假日年份', '变更事项'],
};

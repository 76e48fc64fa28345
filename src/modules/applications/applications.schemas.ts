/** Request and response schemas of the applications API (TypeBox: validation, types and OpenAPI at once). */
import { Type, type Static } from '@fastify/type-provider-typebox';
import { STEPS } from '../../domain/applications/workflow.ts';
import { TODO_KINDS, type TodoKind } from '../../domain/applications/todo.ts';
import { DOCUMENT_KINDS, type DocumentKind } from '../../domain/letters/notices.ts';
import { MessageSchema } from '../outbox/outbox.schemas.ts';

const Str = (max: number, description?: string) =>
  Type.String({ maxLength: max, ...(description ? { description } : {}) });

export const IntakeBody = Type.Object(
  {
    agencyId: Type.String(),
    kind: Type.Optional(Type.Union([Type.Literal('disclosure'), Type.Literal('records_correction')])),
    channel: Type.Union(
      ['in-person', 'oral', 'post-signed', 'post-ordinary', 'online', 'email', 'fax'].map((c) => Type.Literal(c)),
    ),
    arrivalDate: Type.Optional(Type.String({ description: '收到日期 YYYY-MM-DD' })),
    confirmedDate: Type.Optional(Type.String({ description: '平常信函、电子邮件、传真：双方确认之日（第三十一条）' })),
    applicantKind: Str(30),
    applicantName: Str(200),
    contactPerson: Type.Optional(Str(100)),
    idDocType: Str(30),
    idNumber: Str(60),
    phone: Str(40),
    email: Type.Optional(Str(200)),
    address: Type.Optional(Str(400)),
    postcode: Type.Optional(Str(12)),
    infoTitle: Type.Optional(Str(400)),
    infoDocNumber: Type.Optional(Str(200)),
    infoDescription: Type.Optional(Str(4000)),
    deliveryForm: Str(20),
    deliveryMethod: Str(20),
    answeredOnSpot: Type.Optional(
      Type.Union([Type.Null(), Type.Object({ outcome: Type.String(), legalBasis: Str(400), reasons: Str(4000) })]),
    ),
  },
  { additionalProperties: false },
);
export type IntakeBody = Static<typeof IntakeBody>;

export const StepParams = Type.Object({ id: Type.String(), step: Type.Union(STEPS.map((s) => Type.Literal(s))) });
export const IdParams = Type.Object({ id: Type.String() });
export const FileParams = Type.Object({ id: Type.String(), fileId: Type.String() });
export const DocumentParams = Type.Object({ id: Type.String(), documentId: Type.String({ maxLength: 64 }) });
export const DocumentFormatParams = Type.Object({
  id: Type.String(),
  documentId: Type.String({ maxLength: 64 }),
  format: Type.Union([Type.Literal('pdf'), Type.Literal('docx')]),
});
export const SendBody = Type.Object(
  {
    channel: Type.Union([Type.Literal('email'), Type.Literal('post'), Type.Literal('in_person')], {
      description: '电子邮件、邮寄或当面送达',
    }),
    address: Type.Optional(Str(300, '收件邮箱或邮寄地址；发给申请人的，不填为申请人所留的电子邮箱或通信地址')),
  },
  { additionalProperties: false },
);

/**
 * Every field a workflow step may take, once: each step's body is a few of them
 * (`stepBody`, declared beside the step's handler in steps/*.ts), and a step given a field it
 * does not take answers 400 naming the field.
 */
export const StepFields = {
  date: Type.Optional(
    Type.String({
      description:
        '事实发生的日期（YYYY-MM-DD，默认今天）：补录的答复、补正、缴费、批准、审查、签发、送达按发生之日计算期限',
    }),
  ),
  lateReason: Type.Optional(
    Str(400, '登记补正或缴费晚于其期限时，本机关接受的正当理由（第三十条；缴费仅在设置允许时）'),
  ),
  paper: Type.Optional(
    Type.Object(
      {
        signedBy: Str(50, '在纸质审签单上审查或签发的人员'),
        scanFileId: Type.String({ description: '纸质审签单扫描件（文件类别 signoff_scan）的文件 id' }),
      },
      { additionalProperties: false },
    ),
  ),
  note: Type.Optional(Str(4000)),
  handlerId: Type.Optional(Type.String()),
  items: Type.Optional(Str(4000)),
  periodEnd: Type.Optional(Type.String()),
  party: Type.Optional(Type.Union([Type.Literal('third'), Type.Literal('agency')])),
  partyName: Type.Optional(Str(200)),
  partyReceivedDate: Type.Optional(Type.String()),
  consultationId: Type.Optional(Type.String()),
  opinion: Type.Optional(Type.Union([Type.Literal('agree'), Type.Literal('object'), Type.Literal('none')])),
  days: Type.Optional(Type.Integer()),
  reason: Type.Optional(Str(2000)),
  notifiedDate: Type.Optional(Type.String()),
  until: Type.Optional(Type.String()),
  basis: Type.Optional(Type.Union([Type.Literal('per_piece'), Type.Literal('per_page')])),
  pieces: Type.Optional(Type.Integer()),
  pages: Type.Optional(Type.Integer()),
  outcome: Type.Optional(Type.String()),
  legalBasis: Type.Optional(Str(400)),
  reasons: Type.Optional(Str(4000)),
  responsibleAgency: Type.Optional(Str(200)),
  passed: Type.Optional(Type.Boolean()),
  paymentMethod: Type.Optional(Str(400, '收费通知书：缴费账户或途径')),
  delivery: Type.Optional(
    Type.Union([Type.Literal('in-person'), Type.Literal('email'), Type.Literal('online'), Type.Literal('post')], {
      description:
        '发出收费通知：送达方式（当面交付、电子邮件、网上平台当日收到；邮寄以签收日为准，待登记）。不填按申请人选择的获取信息方式',
    }),
  ),
  receivedDate: Type.Optional(
    Type.String({ description: '发出收费通知：申请人收到收费通知的日期（已知时；邮寄为签收日）' }),
  ),
  partySubject: Type.Optional(Str(4000, '征求意见书：告知对方的所需信息（不填为申请所述）')),
  parties: Type.Optional(
    Type.Array(
      Type.Object(
        {
          party: Type.Optional(Type.Union([Type.Literal('third'), Type.Literal('agency')])),
          partyName: Type.Optional(Str(200)),
          partyReceivedDate: Type.Optional(Type.String()),
          partySubject: Type.Optional(Str(4000)),
        },
        { additionalProperties: false },
      ),
      {
        maxItems: 20,
        description:
          '征求意见：一次征求多方意见，每方一份征求意见书，各自的期限（代替 party、partyName、partyReceivedDate、partySubject）',
      },
    ),
  ),
  thirdPartyWithheld: Type.Optional(
    Type.Boolean({
      description: '拟定答复（部分公开）：第三方不同意公开的内容已作区分处理、不予公开，无需书面告知第三方',
    }),
  ),
  disclosedContent: Type.Optional(Str(4000, '书面告知第三方（第三十二条）：决定公开的政府信息内容')),
  publicInterestReason: Type.Optional(
    Str(4000, '书面告知第三方（第三十二条）：决定公开的理由（不公开可能对公共利益造成重大影响）'),
  ),
};

/**
 * The body of POST …/steps/:step as documented: the fields of all steps. The route then checks
 * the body against the step's own schema (steps/steps.service.ts `parseStepBody`).
 */
export const StepBody = Type.Object(StepFields, {
  additionalProperties: false,
  description: '各步骤只接受其中与本步骤有关的字段（见接口说明），多给的字段返回400',
});

/** The body of one step: the named fields of `StepFields`, nothing else. */
export function stepBody<K extends keyof typeof StepFields>(...keys: K[]) {
  const fields = Object.fromEntries(keys.map((k) => [k, StepFields[k]])) as Pick<typeof StepFields, K>;
  return Type.Object(fields, { additionalProperties: false });
}

export const InboxQuery = Type.Object({
  agencyId: Type.Optional(Type.String()),
  state: Type.Optional(Type.String()),
  due: Type.Optional(Type.Union([Type.Literal('soon'), Type.Literal('overdue')])),
  handlerId: Type.Optional(Type.String()),
  channel: Type.Optional(Type.String()),
  applicantKind: Type.Optional(Type.String()),
  kind: Type.Optional(Type.String()),
  waiting: Type.Optional(
    Type.Union(
      TODO_KINDS.map((k) => Type.Literal(k)),
      {
        description:
          '待办：confirm 待确认收到、assign 待分派、handle 待办理（本人承办）、review 待保密审查、signOff 待签发、approveExtension 待批准延期、deliver 待送达（本人承办）、correction 待申请人补正、consultation 征求意见中、fee 待申请人缴费（后三项为本人承办的）',
      },
    ),
  ),
  q: Type.Optional(Str(100)),
  page: Type.Optional(Type.Integer({ minimum: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  cursor: Type.Optional(
    Type.String({
      maxLength: 400,
      description: '上一页返回的 nextCursor：从该位置之后接着列（按位置翻页，深翻页也快；给出时忽略 page）',
    }),
  ),
});

export const ApplicationSummary = Type.Object(
  {
    id: Type.String(),
    agencyId: Type.String(),
    kind: Type.String(),
    trackingNumber: Type.String(),
    channel: Type.String(),
    arrivalDate: Type.String(),
    receivedDate: Type.Union([Type.String(), Type.Null()]),
    state: Type.String(),
    replyDue: Type.Union([Type.String(), Type.Null()]),
    replyDueProvisional: Type.Boolean({ description: '答复期限为暂定（所在年度的节假日安排尚未导入）' }),
    dueRule: Type.Union([Type.String(), Type.Null()]),
    overdue: Type.Boolean(),
    closedDate: Type.Union([Type.String(), Type.Null()]),
    outcome: Type.Union([Type.String(), Type.Null()]),
    applicantKind: Type.String(),
    applicantName: Type.String(),
    idNumberMasked: Type.String(),
    phoneMasked: Type.String(),
    infoSummary: Type.String(),
    handlerId: Type.Union([Type.String(), Type.Null()]),
    decisionStatus: Type.Union([Type.String(), Type.Null()]),
    archived: Type.Boolean(),
  },
  { $id: 'ApplicationSummary' },
);
export type ApplicationSummaryView = Static<typeof ApplicationSummary>;

/** One page of the inbox. */
export const InboxPage = Type.Object({
  items: Type.Array(ApplicationSummary),
  total: Type.Integer({ description: '符合条件的申请数，精确计数至 1000 件' }),
  totalCapped: Type.Boolean({ description: 'true 表示超过 total 件（「1000件以上」）' }),
  nextCursor: Type.Union([Type.String(), Type.Null()], { description: '下一页的 cursor；已是最后一页时为 null' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

/** 待办: what waits for the signed-in person, by kind, the most urgent first (GET /api/v1/applications-todo). */
export const TodoSchema = Type.Object(
  {
    agencyId: Type.String(),
    today: Type.String(),
    dueSoonLimit: Type.String({ description: '「即将到期」的最后一日：今天起第3个工作日（按官方节假日安排）' }),
    dueSoonWorkingDays: Type.Integer(),
    groups: Type.Array(
      Type.Object({
        kind: Type.Unsafe<TodoKind>({ type: 'string', enum: [...TODO_KINDS] }),
        label: Type.String(),
        hint: Type.String(),
        waiting: Type.Boolean({ description: '等待申请人或被征求意见方，而非本机关办理' }),
        mine: Type.Boolean({ description: '仅列分派给本人的申请' }),
        count: Type.Integer(),
        overdue: Type.Integer(),
        dueSoon: Type.Integer(),
        items: Type.Array(
          Type.Object({
            application: ApplicationSummary,
            urgency: Type.Union([
              Type.Literal('overdue'),
              Type.Literal('dueSoon'),
              Type.Literal('later'),
              Type.Literal('none'),
            ]),
          }),
        ),
      }),
    ),
  },
  { $id: 'ApplicationTodo' },
);

export const FiguresQuery = Type.Object({
  agencyId: Type.Optional(Type.String()),
  year: Type.Integer({ minimum: 2008, maximum: 2100 }),
});
export const SettingsBody = Type.Object(
  {
    trackingPattern: Type.Optional(Str(60)),
    lateFeePaymentAcceptable: Type.Optional(
      Type.Boolean({
        description:
          '[解释性设置] 缴费日期晚于缴费期限的，写明理由后可予登记（默认否：国办函〔2020〕109号「逾期未缴纳的视为放弃申请」）',
      }),
    ),
  },
  { additionalProperties: false },
);

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableInt = Type.Union([Type.Integer(), Type.Null()]);

/** Answer of the intake: the 申请编号 and the applicant's 查询码 (shown once). */
export const CreatedSchema = Type.Object({
  id: Type.String(),
  trackingNumber: Type.String(),
  queryCode: Type.String(),
});

/** An uploaded or generated file of an application (原件, 提供文件, 答复书). */
export const FileSchema = Type.Object(
  {
    id: Type.String(),
    applicationId: Type.String(),
    role: Type.String(),
    filename: Type.String(),
    mime: Type.String(),
    size: Type.Integer(),
    sha256: Type.String(),
    reviewed: Type.Boolean(),
    sent: Type.Boolean(),
    createdBy: Type.String(),
    createdAt: Type.String(),
  },
  { $id: 'ApplicationFile' },
);

/** A notice a step issued (DOCX and PDF) or a reply letter file, with its release state and deliveries. */
export const DocumentSchema = Type.Object(
  {
    id: Type.String(),
    source: Type.Union([Type.Literal('letter'), Type.Literal('file')]),
    kind: Type.Unsafe<DocumentKind>({ type: 'string', enum: [...DOCUMENT_KINDS] }),
    kindLabel: Type.String(),
    title: Type.String(),
    addressee: Type.Union([Type.Literal('applicant'), Type.Literal('party')]),
    recipientName: Type.String(),
    date: Type.String(),
    state: Type.Union([
      Type.Literal('issued'),
      Type.Literal('awaitingReview'),
      Type.Literal('awaitingSignOff'),
      Type.Literal('signed'),
      Type.Literal('released'),
    ]),
    stateLabel: Type.String(),
    formats: Type.Array(Type.Union([Type.Literal('docx'), Type.Literal('pdf')])),
    fileId: NullableString,
    sendBlocker: Type.Union([Type.String(), Type.Null()], {
      description: '现在不能送达的原因（发布控制、暂定日期），可以送达时为 null',
    }),
    provisional: Type.Boolean({ description: '暂定：日期取决于尚未导入的年度日历（missingYears），导入前不送达' }),
    missingYears: Type.Array(Type.Integer()),
    voided: Type.Boolean({ description: '已作废（因事后登记的按期事实撤销视为放弃申请），保留但不再送达' }),
    deliveries: Type.Array(MessageSchema),
  },
  { $id: 'ApplicationDocument' },
);

/** A consulted third party that objected to disclosure (第三十二条). */
export const ObjectingPartySchema = Type.Object({ consultationId: Type.String(), partyName: Type.String() });

/** The application page: the inbox row and everything the handler needs to work on it. */
export const ApplicationDetailSchema = Type.Intersect(
  [
    ApplicationSummary,
    Type.Object({
      oral: Type.Boolean(),
      contactPerson: Type.String(),
      idDocType: Type.String(),
      email: Type.String(),
      addressMasked: Type.String(),
      postcode: Type.String(),
      infoTitle: Type.String(),
      infoDocNumber: Type.String(),
      infoDescription: Type.String(),
      deliveryForm: Type.String(),
      deliveryMethod: Type.String(),
      recordsOutcome: NullableString,
      extensionRequestedDays: NullableInt,
      extensionReason: NullableString,
      reasonsAsked: Type.Boolean(),
      feeBasis: NullableString,
      feeAmount: Type.Union([Type.Number(), Type.Null()]),
      decision: Type.Union([
        Type.Object({
          outcome: Type.String(),
          legalBasis: NullableString,
          reasons: NullableString,
          responsibleAgency: NullableString,
          status: NullableString,
          decidedBy: NullableString,
          reviewedBy: NullableString,
          reviewedAt: NullableString,
          signedBy: NullableString,
          signedAt: NullableString,
        }),
        Type.Null(),
      ]),
      clock: Type.Object({
        state: Type.String(),
        receivedDate: NullableString,
        correctionNoticeDue: NullableString,
        correctionPeriodEnd: NullableString,
        replyDue: NullableString,
        baseDue: NullableString,
        feeNoticeDate: NullableString,
        feeNoticeDelivery: Type.Union(
          [Type.Literal('in-person'), Type.Literal('email'), Type.Literal('online'), Type.Literal('post'), Type.Null()],
          { description: '收费通知的送达方式（本次修改前发出的为 null）' },
        ),
        feeNoticeReceivedDate: Type.Union([Type.String(), Type.Null()], {
          description: '申请人收到收费通知的日期；邮寄未登记签收日期时为 null',
        }),
        feeReceiptUnknown: Type.Boolean({
          description: '收费通知未缴费且申请人收到日期未登记：缴费期限未起算，不会自动视为放弃申请',
        }),
        paymentDue: NullableString,
        replyDueProvisional: Type.Boolean({ description: '答复期限为暂定' }),
        correctionPeriodEndProvisional: Type.Boolean({ description: '补正期限为暂定' }),
        paymentDueProvisional: Type.Boolean({ description: '缴费期限为暂定' }),
        extensionWorkingDays: Type.Integer(),
        overdue: Type.Boolean(),
        provisional: Type.Boolean(),
        consultations: Type.Array(
          Type.Object({
            party: Type.Union([Type.Literal('third'), Type.Literal('agency')]),
            sentDate: Type.String(),
            partyReceivedDate: Type.String(),
            partyDeadline: Type.String(),
            answeredDate: NullableString,
            pauseEnd: Type.String(),
            open: Type.Boolean(),
          }),
        ),
        warnings: Type.Array(Type.Object({ code: Type.String(), message: Type.String() })),
        explanation: Type.String(),
      }),
      events: Type.Array(
        Type.Object({
          seq: Type.Integer(),
          type: Type.String(),
          date: Type.String(),
          summary: Type.String(),
          public: Type.Boolean(),
          actorName: Type.String(),
          at: Type.String(),
          consultationId: Type.Optional(Type.String()),
          partyName: Type.Optional(Type.String({ description: '被征求意见的第三方' })),
        }),
      ),
      files: Type.Array(FileSchema),
      documents: Type.Array(DocumentSchema),
      steps: Type.Array(Type.String()),
      objectingThirdParties: Type.Array(ObjectingPartySchema, {
        description: '第三十二条：最近一次答复不同意公开的第三方',
      }),
      thirdPartyNoticesMissing: Type.Array(ObjectingPartySchema, {
        description: '其中尚未书面告知拟公开决定的第三方',
      }),
      pendingExtension: Type.Union(
        [
          Type.Object({
            days: Type.Integer(),
            reason: Type.String(),
            requestedDate: Type.String(),
            requestedBy: Type.String(),
            currentDue: NullableString,
            newDue: NullableString,
            newDueProvisional: Type.Boolean(),
          }),
          Type.Null(),
        ],
        { description: '待负责人批准的延期：天数、理由、现答复期限和批准后的答复期限（第三十三条第二款）' },
      ),
      extensionRefusal: Type.Union(
        [
          Type.Object({
            date: Type.String(),
            days: NullableInt,
            reason: Type.String(),
            refusedBy: Type.String(),
          }),
          Type.Null(),
        ],
        { description: '负责人最近一次不批准延期（其后未再申请的）' },
      ),
      correction: Type.Union(
        [
          Type.Object({
            requestedDate: Type.String(),
            items: Type.String(),
            receivedDate: NullableString,
            text: NullableString,
            by: Type.Union([Type.Literal('applicant'), Type.Literal('staff'), Type.Null()]),
            acceptedLate: Type.Boolean(),
          }),
          Type.Null(),
        ],
        { description: '补正：告知的事项和申请人补正后的内容（第三十条）' },
      ),
      hints: Type.Object({
        repeatOf: Type.Array(Type.String()),
        massRequest: Type.Boolean(),
        requestsInWindow: Type.Integer(),
      }),
    }),
  ],
  { $id: 'ApplicationDetail' },
);
export type ApplicationDetailView = Static<typeof ApplicationDetailSchema>;

/** The sealed personal data, shown on request (the reveal is audited). */
export const RevealedSchema = Type.Object({
  idNumber: Type.String(),
  phone: Type.String(),
  address: Type.String(),
  email: Type.String(),
});

export const AgencyQuery = Type.Object({ agencyId: Type.Optional(Type.String({ maxLength: 64 })) });
export const HandlersSchema = Type.Object({
  items: Type.Array(Type.Object({ id: Type.String(), displayName: Type.String() })),
});

/** Table 三 at the V2021 grain: each row's 7 cells (six applicant kinds and the total). */
export const FiguresSchema = Type.Object({
  year: Type.Integer(),
  table3: Type.Record(Type.String(), Type.Array(Type.Integer())),
});

export const TemplateQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('xlsx'), Type.Literal('csv')])),
});
/** The reply letter as it will be sent (签发 dialog): the agency's wording filled with the decision. */
export const ReplyLetterPreviewSchema = Type.Object(
  {
    title: Type.String(),
    subtitle: NullableString,
    recipient: Type.String(),
    paragraphs: Type.Array(Type.String()),
    signature: Type.Object({ agency: Type.String(), date: Type.String() }),
  },
  { $id: 'ReplyLetterPreview' },
);
export const ReplyLetterBody = Type.Object({ format: Type.Union([Type.Literal('pdf'), Type.Literal('docx')]) });

/** check: a dry run; valid: import the rows without problems; all: import only a clean file. */
export const LegacyImportModeSchema = Type.Union([Type.Literal('check'), Type.Literal('valid'), Type.Literal('all')]);
export type LegacyImportMode = Static<typeof LegacyImportModeSchema>;

/** What a check or an import of a legacy file found. */
export const LegacyImportReportSchema = Type.Object({
  rows: Type.Integer(),
  valid: Type.Integer(),
  imported: Type.Integer(),
  errors: Type.Array(Type.Object({ row: Type.Integer(), messages: Type.Array(Type.String()) })),
});

/** The 申请编号 pattern in force and the next number under it. */
export const TrackingSettingsSchema = Type.Object(
  {
    agencyId: Type.String(),
    trackingPattern: Type.String(),
    isDefault: Type.Boolean({ description: '本机关未设置，使用平台默认格式' }),
    defaultPattern: Type.String(),
    year: Type.Integer(),
    nextSeq: Type.Integer(),
    nextNumber: Type.String(),
    lateFeePaymentAcceptable: Type.Boolean({ description: '[解释性设置] 逾期缴费写明理由后可予接受' }),
    canEdit: Type.Boolean(),
  },
  { $id: 'TrackingSettings' },
);

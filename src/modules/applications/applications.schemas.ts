/** Request and response schemas of the applications API (TypeBox: validation, types and OpenAPI at once). */
import { Type, type Static } from '@fastify/type-provider-typebox';
import { STEPS } from '../../domain/applications/workflow.ts';

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

export const StepBody = Type.Object(
  {
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
  },
  { additionalProperties: false },
);

export const InboxQuery = Type.Object({
  agencyId: Type.Optional(Type.String()),
  state: Type.Optional(Type.String()),
  due: Type.Optional(Type.Union([Type.Literal('soon'), Type.Literal('overdue')])),
  handlerId: Type.Optional(Type.String()),
  channel: Type.Optional(Type.String()),
  applicantKind: Type.Optional(Type.String()),
  kind: Type.Optional(Type.String()),
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

export const ApplicationSummary = Type.Object({
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
});

/** One page of the inbox. */
export const InboxPage = Type.Object({
  items: Type.Array(ApplicationSummary),
  total: Type.Integer({ description: '符合条件的申请数，精确计数至 1000 件' }),
  totalCapped: Type.Boolean({ description: 'true 表示超过 total 件（「1000件以上」）' }),
  nextCursor: Type.Union([Type.String(), Type.Null()], { description: '下一页的 cursor；已是最后一页时为 null' }),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const FiguresQuery = Type.Object({
  agencyId: Type.Optional(Type.String()),
  year: Type.Integer({ minimum: 2008, maximum: 2100 }),
});
export const SettingsBody = Type.Object({ trackingPattern: Str(60) }, { additionalProperties: false });

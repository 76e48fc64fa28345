/** Presenters: records → JSON for the console (masked personal data; never the sealed values). */
import { maskEmail } from '../privacy/personal-data.ts';
import type { InboxItem } from './applications.repository.ts';
import type { ApplicationDetail } from './applications.service.ts';
import type { ApplicationDetailView, ApplicationSummaryView } from './applications.schemas.ts';

/** One inbox row. `today` decides the overdue flag (derived when read, never stored). */
export function presentSummary(a: InboxItem, today: string): ApplicationSummaryView {
  return {
    id: a.id,
    agencyId: a.agencyId,
    kind: a.kind,
    trackingNumber: a.trackingNumber,
    channel: a.channel,
    arrivalDate: a.arrivalDate,
    receivedDate: a.receivedDate,
    state: a.state,
    replyDue: a.replyDue,
    /** 暂定: counted on a provisional calendar (lifecycle.md "Provisional years"). */
    replyDueProvisional: a.dueProvisional,
    dueRule: a.dueRule,
    overdue: a.state !== 'closed' && a.replyDue !== null && today > a.replyDue,
    closedDate: a.closedDate,
    outcome: a.outcome,
    applicantKind: a.applicantKind,
    applicantName: a.applicantName,
    idNumberMasked: a.idNumberMasked,
    phoneMasked: a.phoneMasked,
    infoSummary: (a.infoTitle || a.infoDescription).slice(0, 80),
    handlerId: a.handlerId,
    decisionStatus: a.decisionStatus,
    archived: a.archivedAt !== null,
  };
}

/** The application page. */
export function presentDetail(d: ApplicationDetail, today: string): ApplicationDetailView {
  const a = d.application;
  return {
    ...presentSummary(a, today),
    oral: a.oral,
    contactPerson: a.contactPerson,
    idDocType: a.idDocType,
    // Masked like the phone: the full address is revealed on request (audited).
    email: a.emailMasked || (a.email ? maskEmail(a.email) : ''),
    addressMasked: a.addressMasked,
    postcode: a.postcode,
    infoTitle: a.infoTitle,
    infoDocNumber: a.infoDocNumber,
    infoDescription: a.infoDescription,
    deliveryForm: a.deliveryForm,
    deliveryMethod: a.deliveryMethod,
    recordsOutcome: a.recordsOutcome,
    extensionRequestedDays: a.extensionRequestedDays,
    extensionReason: a.extensionReason,
    reasonsAsked: a.reasonsAsked,
    feeBasis: a.feeBasis,
    feeAmount: a.feeAmount,
    decision: a.decisionOutcome
      ? {
          outcome: a.decisionOutcome,
          legalBasis: a.decisionBasis,
          reasons: a.decisionReasons,
          responsibleAgency: a.responsibleAgency,
          status: a.decisionStatus,
          decidedBy: a.decidedBy,
          reviewedBy: a.reviewedBy,
          reviewedAt: a.reviewedAt,
          signedBy: a.signedBy,
          signedAt: a.signedAt,
        }
      : null,
    clock: {
      state: d.clock.state,
      receivedDate: d.clock.receivedDate,
      correctionNoticeDue: d.clock.correctionNoticeDue,
      correctionPeriodEnd: d.clock.correctionPeriodEnd,
      replyDue: d.clock.replyDue,
      baseDue: d.clock.baseDue,
      feeNoticeDate: d.clock.feeNoticeDate,
      feeNoticeDelivery: d.clock.feeNoticeDelivery,
      feeNoticeReceivedDate: d.clock.feeNoticeReceivedDate,
      feeReceiptUnknown: d.clock.feeReceiptUnknown,
      paymentDue: d.clock.paymentDue,
      replyDueProvisional: d.clock.replyDueProvisional,
      correctionPeriodEndProvisional: d.clock.correctionPeriodEndProvisional,
      paymentDueProvisional: d.clock.paymentDueProvisional,
      extensionWorkingDays: d.clock.extensionWorkingDays,
      overdue: d.clock.overdue,
      provisional: d.clock.provisional,
      consultations: [...d.clock.consultations],
      warnings: [...d.clock.warnings],
      explanation: d.clock.explanation.staff,
    },
    events: d.events.map((e) => ({
      seq: e.seq,
      type: e.type,
      date: e.date,
      summary: e.summary,
      public: e.public,
      actorName: e.actorName,
      at: e.at,
      consultationId: typeof e.payload.consultationId === 'string' ? e.payload.consultationId : undefined,
      partyName: typeof e.payload.partyName === 'string' ? e.payload.partyName : undefined,
    })),
    files: d.files,
    documents: d.documents,
    steps: d.steps,
    objectingThirdParties: d.objectingThirdParties,
    thirdPartyNoticesMissing: d.thirdPartyNoticesMissing,
    pendingExtension: d.pendingExtension,
    extensionRefusal: d.extensionRefusal,
    correction: d.correction,
    hints: d.hints,
  };
}

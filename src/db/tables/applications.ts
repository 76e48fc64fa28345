/**
 * Applications (依申请公开): the application with its derived clock columns, its events (the
 * clock's inputs and the workflow's steps), files (applicant attachments, originals, released
 * versions, reply letters — kept apart by `role`), reminders sent, the yearly tracking-number
 * counter and the agency's settings. Statutory dates 'YYYY-MM-DD'; instants ISO strings.
 */
import type { Generated } from 'kysely';

export interface ApplicationTable {
  id: string;
  agency_id: string;
  /** disclosure | records_correction (第四十一条). */
  kind: string;
  tracking_number: string;
  year: number;
  seq: number;
  /** Keyed hash of the query code; the code itself is shown once, on the receipt. */
  query_code_hash: string;
  channel: string;
  /** Staff transcribed an oral application (第二十九条). */
  oral: number;
  arrival_date: string;
  /** 收到申请之日 (第三十一条), null while unconfirmed. */
  received_date: string | null;
  /** Clock state (derived, recomputed on every event and by the sweep). */
  state: string;
  reply_due: string | null;
  /** The rule that produced reply_due, e.g. 「第三十三条第二款：延长20个工作日」. */
  due_rule: string | null;
  due_provisional: number;
  /**
   * The inbox's sort key (derived with state and reply_due): '0' open / '1' closed, then the reply
   * due date or '9999-12-31'. Migration 2026-11-28-06; applications.repository.ts inboxKey.
   */
  inbox_key: string;
  closed_date: string | null;
  closed_by: string | null;
  /** V2021 leaf outcome of table 三 (lifecycle.md "Outcomes"). */
  outcome: string | null;
  records_outcome: string | null;
  applicant_kind: string;
  applicant_name: string;
  contact_person: string;
  id_doc_type: string;
  id_number_enc: string;
  /** HMAC of the normalized identity number: recognises the same applicant without decrypting. */
  id_number_hash: string;
  id_number_masked: string;
  phone_enc: string;
  phone_masked: string;
  /** Plaintext e-mail of rows written before issue 15; '' once sealed (src/modules/privacy/email-sealing.ts). */
  email: string;
  /** The applicant's e-mail, sealed (src/modules/privacy/personal-data.ts); '' when none was given. */
  email_enc: string;
  email_masked: string;
  address_enc: string;
  address_masked: string;
  postcode: string;
  info_title: string;
  info_doc_number: string;
  info_description: string;
  delivery_form: string;
  delivery_method: string;
  handler_id: string | null;
  /** One form submission creates one application (double submit). */
  idempotency_key: string | null;
  extension_requested_days: number | null;
  extension_reason: string | null;
  reasons_asked: number;
  fee_basis: string | null;
  fee_amount: number | null;
  decision_outcome: string | null;
  decision_basis: string | null;
  decision_reasons: string | null;
  responsible_agency: string | null;
  /** draft | reviewed | signed | sent (release control). */
  decision_status: string | null;
  decided_by: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  signed_by: string | null;
  signed_at: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ApplicationEventTable {
  id: Generated<number>;
  application_id: string;
  seq: number;
  /** A clock event type (src/domain/clock/types.ts) or a workflow step without clock effect. */
  type: string;
  /** The statutory date of the event. */
  date: string;
  /** JSON: the event's fields besides type and date. */
  payload: string;
  /** Shown to the applicant on the tracking page (internal notes never are). */
  public: number;
  summary: string;
  actor_name: string;
  at: string;
}

export interface ApplicationFileTable {
  id: string;
  application_id: string;
  /** attachment (from the applicant) | original | released | reply_letter | notice (a rendition of an application_letter). */
  role: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  /** For released files and letters: 保密审查 passed. */
  reviewed: number;
  /** Sent to the applicant (visible on the tracking page once the reply has left). */
  sent: number;
  created_by: string;
  created_at: string;
}

/**
 * A notice issued by a workflow step (补正告知书, 征求意见书, 延期答复告知书, 收费通知书): the
 * document as issued, its addressee and date; DOCX/PDF renditions are made on first use.
 */
export interface ApplicationLetterTable {
  id: string;
  application_id: string;
  /** The event of the step that issued it (application_event.seq). */
  event_seq: number;
  /** correction_notice | consultation_letter | extension_notice | fee_notice | lapse_notice | third_party_notice (src/domain/letters/notices.ts). */
  kind: string;
  /** The letter template used (src/domain/letters/templates.ts). */
  template_key: string;
  /** applicant | party (a consulted third party or agency: never shown to the applicant). */
  addressee: string;
  recipient_name: string;
  consultation_id: string | null;
  /** The letter's date, YYYY-MM-DD. */
  letter_date: string;
  title: string;
  /** JSON: the OfficialDocument as issued (src/modules/documents). */
  content: string;
  /** JSON: the placeholder values it was filled with. */
  placeholder_values: string;
  pdf_file_id: string | null;
  docx_file_id: string | null;
  /** Calendar years not loaded that its dates depend on, comma-separated (暂定), or null. Migration 2026-11-28-05. */
  provisional_years: string | null;
  /** Made void (a lapse reversed by a fact entered late): when, and why; null while in force. */
  voided_at: string | null;
  void_reason: string | null;
  created_by: string;
  created_at: string;
}

export interface ApplicationReminderTable {
  application_id: string;
  key: string;
  sent_at: string;
}

export interface ApplicationCounterTable {
  agency_id: string;
  year: number;
  next_seq: number;
}

export interface ApplicationSettingsTable {
  agency_id: string;
  tracking_pattern: string;
  updated_at: string;
}

/** An agency's [INTERPRETATION] clock setting (lifecycle.md "Facts entered late"). */
export interface ApplicationClockSettingTable {
  agency_id: string;
  late_fee_payment_acceptable: number;
  updated_at: string;
  updated_by: string;
}

export interface ApplicationTables {
  application: ApplicationTable;
  application_event: ApplicationEventTable;
  application_file: ApplicationFileTable;
  application_letter: ApplicationLetterTable;
  application_reminder: ApplicationReminderTable;
  application_counter: ApplicationCounterTable;
  application_settings: ApplicationSettingsTable;
  application_clock_setting: ApplicationClockSettingTable;
}

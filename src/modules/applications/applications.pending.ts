/**
 * What the application page shows beside the steps that decide on it: the extension awaiting the
 * office head (with the due date it would give, computed by the clock engine itself), the head's
 * last refusal (for the handler), and the applicant's 补正 beside the original request.
 */
import type { Calendar } from '../../domain/calendar/calendar.ts';
import { clockOf } from './applications.clock.ts';
import type { EventRecord } from './applications.events.repository.ts';
import type { ApplicationRecord } from './applications.repository.ts';

/** An extension request as the office head decides on it (第三十三条第二款). */
export interface PendingExtension {
  days: number;
  reason: string;
  requestedDate: string;
  requestedBy: string;
  /** The reply due date in force, which a refusal leaves as it is… */
  currentDue: string | null;
  /** …and the one an approval today would give. */
  newDue: string | null;
  newDueProvisional: boolean;
}

const lastOf = (stored: readonly EventRecord[], type: string) => [...stored].reverse().find((e) => e.type === type);

/** The extension awaiting approval, or null. */
export function pendingExtension(
  rec: ApplicationRecord,
  stored: readonly EventRecord[],
  today: string,
  calendar: Calendar,
): PendingExtension | null {
  if (rec.extensionRequestedDays === null) return null;
  const requested = lastOf(stored, 'extensionRequested');
  const now = clockOf(stored, today, calendar);
  // The same engine as the approval itself: the stored events plus the approval, dated today.
  const approved = clockOf(
    [
      ...stored,
      {
        seq: Number.MAX_SAFE_INTEGER,
        type: 'extensionApproved',
        date: today,
        payload: { workingDays: rec.extensionRequestedDays, approverRole: 'officeHead' },
        public: true,
        summary: '',
        actorName: '',
        at: '',
      },
    ],
    today,
    calendar,
  );
  return {
    days: rec.extensionRequestedDays,
    reason: rec.extensionReason ?? '',
    requestedDate: requested?.date ?? today,
    requestedBy: requested?.actorName ?? '',
    currentDue: now.replyDue,
    newDue: approved.replyDue,
    newDueProvisional: approved.replyDueProvisional,
  };
}

/** The office head's last refusal of an extension, if no request followed it. */
export function lastExtensionRefusal(
  stored: readonly EventRecord[],
): { date: string; days: number | null; reason: string; refusedBy: string } | null {
  const refused = lastOf(stored, 'extensionRefused');
  if (!refused) return null;
  const requestedAfter = stored.some((e) => e.type === 'extensionRequested' && e.seq > refused.seq);
  if (requestedAfter) return null;
  return {
    date: refused.date,
    days: typeof refused.payload.days === 'number' ? refused.payload.days : null,
    reason: String(refused.payload.reason ?? ''),
    refusedBy: String(refused.payload.refusedBy ?? refused.actorName),
  };
}

/** The 补正 asked for and the applicant's answer (第三十条), as the page shows them beside the request. */
export interface CorrectionView {
  requestedDate: string;
  items: string;
  receivedDate: string | null;
  /** What the applicant corrected the request to (online), or the staff's note of it. */
  text: string | null;
  by: 'applicant' | 'staff' | null;
  acceptedLate: boolean;
}

/** The last 补正 of an application, or null when none was asked for. */
export function correctionOf(stored: readonly EventRecord[]): CorrectionView | null {
  const asked = lastOf(stored, 'correctionRequested');
  if (!asked) return null;
  const received = stored.find((e) => e.type === 'correctionReceived' && e.seq > asked.seq);
  const text = typeof received?.payload.text === 'string' ? received.payload.text.trim() : '';
  return {
    requestedDate: asked.date,
    items: String(asked.payload.items ?? ''),
    receivedDate: received?.date ?? null,
    text: text || null,
    by: received ? (received.payload.by === 'applicant' ? 'applicant' : 'staff') : null,
    acceptedLate: received?.payload.acceptedLate === true,
  };
}

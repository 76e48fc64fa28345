/**
 * Applicants' e-mail addresses at rest (issue 15): sealed like identity numbers and phones, read
 * through one function. Rows written before the sealing keep their address in the plaintext
 * column until `sealLegacyEmails` runs, which the server and every command do right after the
 * migrations, under the running key (a migration has no key); `applicantEmail` reads both.
 */
import type { DbOrTx } from '../../db/database.ts';
import type { Clock } from '../../domain/time.ts';
import { systemActor } from '../../policies/actor.ts';
import { listUnsealedEmails, storeSealedEmail } from '../applications/applications.repository.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { maskEmail, type PersonalDataCipher } from './personal-data.ts';

/** The applicant's e-mail in clear ('' when none): the one reader of the sealed column. */
export function applicantEmail(cipher: PersonalDataCipher, rec: { email: string; emailEnc: string }): string {
  return (rec.emailEnc ? cipher.decrypt(rec.emailEnc) : rec.email).trim();
}

/** The columns a new application stores for the e-mail typed in. */
export function sealEmail(
  cipher: PersonalDataCipher,
  email: string,
): { email: ''; emailEnc: string; emailMasked: string } {
  const trimmed = email.trim();
  return trimmed
    ? { email: '', emailEnc: cipher.encrypt(trimmed), emailMasked: maskEmail(trimmed) }
    : { email: '', emailEnc: '', emailMasked: '' };
}

/**
 * Seals every plaintext e-mail left from before (one UPDATE per row, sealed and emptied together,
 * so an interrupted run resumes), with one audit event for the run. Returns how many were sealed.
 */
export async function sealLegacyEmails(db: DbOrTx, cipher: PersonalDataCipher, clock: Clock): Promise<number> {
  let sealed = 0;
  for (;;) {
    const batch = await listUnsealedEmails(db, 500);
    if (batch.length === 0) break;
    for (const row of batch) {
      const s = sealEmail(cipher, row.email);
      await storeSealedEmail(db, row.id, s.emailEnc, s.emailMasked);
      sealed += 1;
    }
  }
  if (sealed > 0) {
    await recordAudit(
      db,
      systemActor('个人信息加密'),
      {
        agencyId: null,
        action: 'privacy.seal_emails',
        subjectType: 'application',
        subjectId: null,
        summary: `已加密 ${sealed} 份申请中以明文保存的申请人电子邮箱`,
        after: { sealed },
      },
      clock,
    );
  }
  return sealed;
}

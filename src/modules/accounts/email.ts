/**
 * Staff e-mail addresses: how they are read from a form and how lists show them. An address is
 * a work contact, not an applicant's personal data (which src/modules/privacy encrypts), so it
 * is stored in plain text for the mailer; lists still mask it (maskEmail in
 * src/modules/privacy, as the complaints register masks an e-mail contact), and only those who
 * may manage the account, and its holder, see it whole.
 */
import { emailProblem } from '../../domain/accounts.ts';
import { ValidationError } from '../../domain/errors.ts';

/**
 * A submitted address: undefined = unchanged, blank or null = none, otherwise the trimmed
 * address. Throws a ValidationError on `field` when it is malformed.
 */
export function readEmail(value: string | null | undefined, field = 'email'): string | null | undefined {
  if (value === undefined) return undefined;
  const trimmed = (value ?? '').trim();
  if (trimmed === '') return null;
  const problem = emailProblem(trimmed);
  if (problem) throw new ValidationError({ [field]: problem });
  return trimmed;
}

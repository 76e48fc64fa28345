/**
 * Every migration, by dated name. Add one line per new migration file; never edit or
 * reorder a landed one. Names sort in the order they run.
 */
import type { Migration } from 'kysely/migration';
import * as foundation from './2026-11-27-01-foundation.ts';
import * as calendar from './2026-11-27-02-calendar.ts';
import * as catalog from './2026-11-27-03-catalog.ts';
import * as importedReports from './2026-11-27-03-imported-reports.ts';
import * as applications from './2026-11-27-06-applications.ts';
import * as annualReports from './2026-11-27-07-annual-reports.ts';
import * as casesComplaints from './2026-11-27-20-cases-complaints.ts';
import * as lettersOutbox from './2026-11-27-21-letters-outbox.ts';
import * as applicationLetters from './2026-11-28-01-application-letters.ts';
import * as accountEmail from './2026-11-28-02-account-email.ts';
import * as applicationSuggestions from './2026-11-28-03-application-suggestions.ts';
import * as searchKeys from './2026-11-28-04-search-keys.ts';
import * as letterProvisional from './2026-11-28-05-letter-provisional.ts';
import * as inboxOrder from './2026-11-28-06-inbox-order.ts';
import * as catalogAgencyKeyIndex from './2026-11-28-07-catalog-agency-key-index.ts';
import * as catalogAgencyListIndex from './2026-11-28-08-catalog-agency-list-index.ts';
import * as mustChangePassword from './2026-12-07-i11-01-must-change-password.ts';
import * as loginThrottle from './2026-12-07-i15-01-login-throttle.ts';
import * as compactSearchVectors from './2026-12-07-i19-01-compact-search-vectors.ts';
import * as jobLease from './2026-12-07-i11-02-job-lease.ts';
import * as agencyRemedy from './2026-12-07-i14-01-agency-remedy.ts';
import * as catalogSerialIndex from './2026-12-07-i19-02-catalog-serial-index.ts';
import * as scorecardSets from './2026-12-07-i17-01-scorecard-sets.ts';
import * as policyInterpretations from './2026-12-07-i18-01-policy-interpretations.ts';
import * as accountChanges from './2026-12-07-i15-02-account-changes.ts';
import * as letterVoid from './2026-12-07-i13-01-letter-void.ts';
import * as applicantEmailSealed from './2026-12-07-i15-03-applicant-email-sealed.ts';
import * as pastReports from './2026-12-07-i16-01-past-reports.ts';
import * as publicContentVersion from './2026-12-07-i20-01-public-content-version.ts';
import * as pastReportsContentVersion from './2026-12-07-i20-02-past-reports-content-version.ts';
import * as lateFeeSetting from './2026-12-07-i13-02-late-fee-setting.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-27-01-foundation': foundation,
  '2026-11-27-02-calendar': calendar,
  '2026-11-27-03-catalog': catalog,
  '2026-11-27-03-imported-reports': importedReports,
  '2026-11-27-06-applications': applications,
  '2026-11-27-07-annual-reports': annualReports,
  '2026-11-27-20-cases-complaints': casesComplaints,
  '2026-11-27-21-letters-outbox': lettersOutbox,
  '2026-11-28-01-application-letters': applicationLetters,
  '2026-11-28-02-account-email': accountEmail,
  '2026-11-28-03-application-suggestions': applicationSuggestions,
  '2026-11-28-04-search-keys': searchKeys,
  '2026-11-28-05-letter-provisional': letterProvisional,
  '2026-11-28-06-inbox-order': inboxOrder,
  '2026-11-28-07-catalog-agency-key-index': catalogAgencyKeyIndex,
  '2026-11-28-08-catalog-agency-list-index': catalogAgencyListIndex,
  '2026-12-07-i11-01-must-change-password': mustChangePassword,
  '2026-12-07-i15-01-login-throttle': loginThrottle,
  '2026-12-07-i19-01-compact-search-vectors': compactSearchVectors,
  '2026-12-07-i11-02-job-lease': jobLease,
  '2026-12-07-i14-01-agency-remedy': agencyRemedy,
  '2026-12-07-i19-02-catalog-serial-index': catalogSerialIndex,
  '2026-12-07-i17-01-scorecard-sets': scorecardSets,
  '2026-12-07-i18-01-policy-interpretations': policyInterpretations,
  '2026-12-07-i15-02-account-changes': accountChanges,
  '2026-12-07-i13-01-letter-void': letterVoid,
  '2026-12-07-i15-03-applicant-email-sealed': applicantEmailSealed,
  '2026-12-07-i16-01-past-reports': pastReports,
  '2026-12-07-i20-01-public-content-version': publicContentVersion,
  '2026-12-07-i20-02-past-reports-content-version': pastReportsContentVersion,
  '2026-12-07-i13-02-late-fee-setting': lateFeeSetting,
};

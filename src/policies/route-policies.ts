/**
 * Who may call each route: one declared policy per route pattern (docs/security.md "The route
 * matrix"). The app enforces it before a request body is validated (src/server/route-policy.ts),
 * so an anonymous caller gets 401 and a role without the permission 403 whatever it sends; the
 * services then check the same permission again against the record (its agency, the target
 * account's roles). src/policies/route-policies.http.test.ts fails for a route without a policy
 * here, for a policy without a route, and for every role that gets more or less than
 * src/policies/permissions.ts allows.
 */
import type { Permission } from './permissions.ts';

/**
 * - `public`: anyone, no session (the portal, its forms, public search, health, assets).
 * - `authenticated`: any signed-in account or API token, whatever its roles.
 * - `session`: a person signed in to the console (an API token is not a person: 403).
 * - `metrics`: the monitoring bearer token (GONGKAI_METRICS_TOKEN), never a session.
 * - a permission; a list of which any one suffices; or `{ all: [...] }`, every one needed.
 */
export type RoutePolicy =
  | 'public'
  | 'authenticated'
  | 'session'
  | 'metrics'
  | Permission
  | readonly Permission[]
  | { readonly all: readonly Permission[] };

/**
 * Static mounts register one route per file (hashed names change with every build): every route
 * under one of these prefixes has this policy.
 */
export const PREFIX_POLICIES: ReadonlyArray<{ prefix: string; policy: RoutePolicy }> = [
  { prefix: '/admin/', policy: 'public' }, // the console's shell and assets; its data comes from the API
  { prefix: '/api/docs/', policy: 'public' }, // the OpenAPI document and its viewer (docs/api.md)
];

/**
 * `METHOD pattern` (Fastify's route pattern) → policy. HEAD routes that Fastify adds beside a GET
 * take the GET's policy.
 */
// prettier-ignore
export const ROUTE_POLICIES: Readonly<Record<string, RoutePolicy>> = {
  // Operations
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /metrics': 'metrics',
  'GET /api/docs': 'public',

  // Sign-in and one's own account
  'POST /api/v1/auth/login': 'public',
  'GET /api/v1/auth/me': 'authenticated',
  'POST /api/v1/auth/logout': 'authenticated',
  'POST /api/v1/auth/password': 'authenticated',
  'GET /api/v1/account': 'session',
  'PATCH /api/v1/account': 'session',

  // Agencies, accounts, 三员分立 approvals, tokens, audit
  'GET /api/v1/agencies': 'agencies.read',
  'GET /api/v1/agencies/:id': 'agencies.read',
  'POST /api/v1/agencies': 'agencies.manage',
  'PATCH /api/v1/agencies/:id': 'agencies.manage',
  'GET /api/v1/roles': 'users.read',
  'GET /api/v1/users': 'users.read',
  'POST /api/v1/users': 'users.manage',
  'PATCH /api/v1/users/:id': 'users.manage',
  'POST /api/v1/users/:id/unlock': 'users.unlock',
  'POST /api/v1/users/:id/password': 'users.manage',
  'GET /api/v1/account-changes': 'account_changes.read',
  'POST /api/v1/account-changes/:id/approve': 'account_changes.approve',
  'POST /api/v1/account-changes/:id/reject': 'account_changes.approve',
  'GET /api/v1/tokens/scopes': 'tokens.manage',
  'GET /api/v1/tokens': 'tokens.manage',
  'POST /api/v1/tokens': 'tokens.manage',
  'DELETE /api/v1/tokens/:id': 'tokens.manage',
  'GET /api/v1/audit': 'audit.read',
  'GET /api/v1/audit/verify': 'audit.read',

  // Calendar, dashboard
  'GET /api/v1/calendar/years': 'calendar.read',
  'POST /api/v1/calendar/import': 'calendar.manage',
  'GET /api/v1/dashboard': 'dashboard.read',

  // 行政复议 / 诉讼, 投诉举报
  'GET /api/v1/cases': 'cases.read',
  'GET /api/v1/cases/figures': 'cases.read',
  'GET /api/v1/cases/:id': 'cases.read',
  'POST /api/v1/cases': 'cases.manage',
  'PATCH /api/v1/cases/:id': 'cases.manage',
  'GET /api/v1/complaints': 'complaints.read',
  'GET /api/v1/complaints/:id': 'complaints.read',
  'POST /api/v1/complaints': 'complaints.manage',
  'POST /api/v1/complaints/:id/steps': 'complaints.manage',
  'POST /api/v1/complaints/:id/conclusion': 'complaints.manage',

  // Letters and the outbox
  'GET /api/v1/letters/placeholders': 'letters.read',
  'GET /api/v1/letters/remedy': 'letters.read',
  'PUT /api/v1/letters/remedy': 'letters.manage',
  'GET /api/v1/letters/templates': 'letters.read',
  'PUT /api/v1/letters/templates/:key': 'letters.manage',
  'DELETE /api/v1/letters/templates/:key': 'letters.manage',
  'POST /api/v1/letters/preview': 'letters.read',
  'GET /api/v1/outbox': 'outbox.read',
  'GET /api/v1/outbox/:id': 'outbox.read',
  'GET /api/v1/outbox/:id/attachments/:attachmentId': 'outbox.read',
  'POST /api/v1/outbox/:id/resend': 'outbox.send',
  'POST /api/v1/outbox/:id/delivery': 'outbox.send',

  // 主动公开 catalog, power list
  'GET /api/v1/catalog/settings/:agencyId': 'catalog.read',
  'PUT /api/v1/catalog/settings/:agencyId': 'catalog.settings',
  'POST /api/v1/catalog/settings/:agencyId/categories': 'catalog.settings',
  'PUT /api/v1/catalog/settings/:agencyId/categories/:id': 'catalog.settings',
  'POST /api/v1/catalog/items/:id/validity': 'catalog.approve',
  'GET /api/v1/catalog/meta': 'catalog.read',
  'GET /api/v1/catalog/items': 'catalog.read',
  'POST /api/v1/catalog/items': 'catalog.edit',
  'GET /api/v1/catalog/policies': 'catalog.read',
  'GET /api/v1/catalog/interpretation-stats': 'catalog.read',
  'GET /api/v1/catalog/items/:id': 'catalog.read',
  'PUT /api/v1/catalog/items/:id': 'catalog.edit',
  'DELETE /api/v1/catalog/items/:id': 'catalog.edit',
  'POST /api/v1/catalog/items/:id/actions': ['catalog.edit', 'catalog.review', 'catalog.approve'],
  'POST /api/v1/catalog/items/:id/attachments': 'catalog.edit',
  'GET /api/v1/catalog/items/:id/attachments/:attachmentId': 'catalog.read',
  'DELETE /api/v1/catalog/items/:id/attachments/:attachmentId': 'catalog.edit',
  'GET /api/v1/catalog/late': 'catalog.read',
  'GET /api/v1/public/search': 'public',
  'GET /api/v1/public/suggest': 'public',
  'GET /api/v1/power-list/:agencyId': 'catalog.read',
  'PUT /api/v1/power-list/:agencyId/figures': 'catalog.figures',
  'PUT /api/v1/power-list/:agencyId/amounts': 'catalog.figures',
  'POST /api/v1/power-list/:agencyId/import': 'catalog.figures',

  // 依申请公开
  'GET /api/v1/applications': 'applications.read',
  'GET /api/v1/applications-todo': 'applications.read',
  'POST /api/v1/applications': 'applications.register',
  'POST /api/v1/applications-import': 'applications.register',
  'GET /api/v1/applications-import/template': 'applications.register',
  'GET /api/v1/applications/:id': 'applications.read',
  // Each step has its own permission (STEP_PERMISSION in src/domain/applications/workflow.ts),
  // checked by the service; the gate admits whoever may take at least one step.
  'POST /api/v1/applications/:id/steps/:step': [
    'applications.register',
    'applications.handle',
    'applications.approve',
    'applications.review',
  ],
  'POST /api/v1/applications/:id/files': 'applications.handle',
  'POST /api/v1/applications/:id/reply-letter': 'applications.handle',
  'GET /api/v1/applications/:id/reply-letter/preview': 'applications.read',
  'GET /api/v1/applications/:id/documents/:documentId/:format': 'applications.read',
  'POST /api/v1/applications/:id/documents/:documentId/send': 'outbox.send',
  'GET /api/v1/applications/:id/files/:fileId': 'applications.read',
  'POST /api/v1/applications/:id/reveal': 'applications.handle',
  'GET /api/v1/application-handlers': 'applications.read',
  'GET /api/v1/application-figures': 'applications.read',
  'GET /api/v1/application-suggestions': 'applications.read',
  // A suggestion becomes a catalog draft: reading the applications and editing the catalog.
  'POST /api/v1/application-suggestions/draft': { all: ['applications.read', 'catalog.edit'] },
  'POST /api/v1/application-suggestions/dismiss': 'applications.handle',
  'GET /api/v1/application-settings/:id': 'applications.read',
  'PUT /api/v1/application-settings/:id': 'applications.approve',

  // 年度报告, 年报体检, 监督
  'GET /api/v1/reports': 'reports.read',
  'GET /api/v1/reports/supervision': 'reports.supervise',
  'GET /api/v1/reports/aggregate': 'reports.supervise',
  'GET /api/v1/reports/:agencyId/:year': 'reports.read',
  'PUT /api/v1/reports/:agencyId/:year': 'reports.edit',
  'POST /api/v1/reports/:agencyId/:year/submit': 'reports.edit',
  'POST /api/v1/reports/:agencyId/:year/return': 'reports.publish',
  'POST /api/v1/reports/:agencyId/:year/publish': 'reports.publish',
  'POST /api/v1/reports/:agencyId/:year/revise': 'reports.edit',
  'GET /api/v1/reports/:agencyId/:year/versions/:version': 'reports.read',
  'GET /api/v1/reports/:agencyId/:year/export': 'reports.read',
  'POST /api/v1/report-checks/uploads': 'report_checks.manage',
  'GET /api/v1/report-checks': 'report_checks.read',
  'GET /api/v1/report-checks/findings.xlsx': 'report_checks.read',
  'GET /api/v1/report-checks/library': 'report_checks.read',
  'GET /api/v1/report-checks/compare': 'report_checks.read',
  'GET /api/v1/report-checks/compare.xlsx': 'report_checks.read',
  'GET /api/v1/report-checks/compare.docx': 'report_checks.read',
  'GET /api/v1/report-checks/:id': 'report_checks.read',
  'GET /api/v1/report-checks/:id/original': 'report_checks.read',
  'POST /api/v1/report-checks/:id/publication': 'reports.publish_past',
  'DELETE /api/v1/report-checks/:id/publication': 'reports.publish_past',
  // Compared with the platform's own report of the agency, which only its readers may see.
  'GET /api/v1/report-checks/:id/comparison': { all: ['report_checks.read', 'reports.read'] },
  'GET /api/v1/supervision/statistics': 'supervision.read',
  'GET /api/v1/supervision/statistics.xlsx': 'supervision.read',
  'GET /api/v1/supervision/records': 'supervision.read',
  'GET /api/v1/supervision/aggregate': 'supervision.read',
  'GET /api/v1/supervision/aggregate/export': 'supervision.read',
  'GET /api/v1/supervision/scorecard': 'supervision.read',
  'GET /api/v1/supervision/scorecard.xlsx': 'supervision.read',
  'GET /api/v1/supervision/scorecard/indicators': 'supervision.read',
  'PUT /api/v1/supervision/scorecard/indicators': 'supervision.manage',

  // The public portal (no session: applicants act on their own application with its tracking code)
  'GET /': 'public',
  'GET /favicon.ico': 'public',
  'GET /sitemap.xml': 'public',
  'GET /gk-display': 'public',
  'GET /assets/*': 'public',
  'GET /gk-assets/catalog.css': 'public',
  'GET /gk-assets/applications/:file': 'public',
  'GET /gk/search': 'public',
  'GET /gk/items/:id': 'public',
  'GET /gk/items/:id/files/:fileId': 'public',
  'GET /gk/:code': 'public',
  'GET /gk/:code/': 'public',
  'GET /gk/:code/guide': 'public',
  'GET /gk/:code/rules': 'public',
  'GET /gk/:code/reports': 'public',
  'GET /gk/:code/reports/:year': 'public',
  'GET /gk/:code/reports/:year/original': 'public',
  'GET /gk/:code/catalog': 'public',
  'GET /gk/:code/feed.atom': 'public',
  'GET /gk/:code/apply': 'public',
  'POST /gk/:code/apply': 'public',
  'GET /gk/:code/track': 'public',
  'POST /gk/:code/track': 'public',
  'POST /gk/:code/track/correct': 'public',
  'POST /gk/:code/track/file': 'public',

  // The console (served with --serve-admin)
  'GET /admin': 'public',
};

/** The declared policy of a route, or undefined when it has none. */
export function policyOf(method: string, url: string): RoutePolicy | undefined {
  const m = method === 'HEAD' && ROUTE_POLICIES[`HEAD ${url}`] === undefined ? 'GET' : method;
  const declared = ROUTE_POLICIES[`${m} ${url}`];
  if (declared !== undefined) return declared;
  return PREFIX_POLICIES.find((p) => url.startsWith(p.prefix))?.policy;
}

/** Whether an account holding `held` passes a policy that names permissions (true for the others). */
export function admits(policy: RoutePolicy, held: ReadonlySet<Permission>): boolean {
  if (policy === 'public' || policy === 'authenticated' || policy === 'session' || policy === 'metrics') return true;
  if (typeof policy === 'string') return held.has(policy as Permission);
  if ('all' in policy) return policy.all.every((p) => held.has(p));
  return (policy as readonly Permission[]).some((p) => held.has(p));
}

/** The permissions a policy names (for messages), or null when it names none. */
export function describePolicy(policy: RoutePolicy): string {
  if (typeof policy === 'string') return policy;
  if ('all' in policy) return policy.all.join(' & ');
  return (policy as readonly Permission[]).join(' | ');
}

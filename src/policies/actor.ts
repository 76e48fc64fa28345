import type { Role } from '../domain/accounts.ts';

/**
 * Who is acting. Built once per request by authentication (session cookie or API token), or
 * by the CLI / a job as the system actor. Services receive it explicitly.
 */
export interface Actor {
  kind: 'user' | 'token' | 'system';
  /** The user's id (for a token: the user who created it); null for the system. */
  id: string | null;
  name: string;
  agencyId: string | null;
  roles: Role[];
  /** Agencies this actor may read: every one ('all') or an explicit set (own agency, supervised subtree). */
  visibleAgencies: 'all' | ReadonlySet<string>;
  /** For API tokens: the scopes granted; permissions outside them are refused. */
  scopes: readonly string[] | null;
  clientIp: string | null;
}

/** The actor for CLI commands and background jobs. */
export function systemActor(name = '系统'): Actor {
  return {
    kind: 'system',
    id: null,
    name,
    agencyId: null,
    roles: [],
    visibleAgencies: 'all',
    scopes: null,
    clientIp: null,
  };
}

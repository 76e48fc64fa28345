/** What every route and hook can reach: the database, configuration, secrets and the clock. */
import type { Config } from '../config/config.ts';
import type { Db } from '../db/database.ts';
import type { Clock } from '../domain/time.ts';
import type { Actor } from '../policies/actor.ts';
import type { SessionContext } from '../modules/auth/auth.service.ts';

export interface AppContext {
  db: Db;
  config: Config;
  secret: string;
  encryptionKey: string;
  clock: Clock;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    /** Set by the authentication hook: null for anonymous requests. */
    actor: Actor | null;
    session: SessionContext | null;
  }
}

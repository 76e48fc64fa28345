/** 我的账号 endpoints (src/modules/accounts/users.routes.ts): the signed-in user's own address and reminder preference. */
import { request } from './client.ts';
import type { RoleKey } from './types.ts';

/** The signed-in user's account as they see it (the whole e-mail address). */
export interface OwnAccount {
  id: string;
  username: string;
  displayName: string;
  agencyId: string;
  agencyName: string;
  roles: RoleKey[];
  email: string | null;
  reminderEmail: boolean;
  lastLoginAt: string | null;
}

/** Body of PATCH /account: blank e-mail removes the address. */
export interface OwnAccountInput {
  email?: string | null;
  reminderEmail?: boolean;
}

export const accountApi = {
  get: (signal?: AbortSignal) => request<OwnAccount>('GET', '/account', { signal }),
  update: (input: OwnAccountInput) => request<OwnAccount>('PATCH', '/account', { body: input }),
};

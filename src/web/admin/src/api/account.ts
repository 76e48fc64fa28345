/** 我的账号 endpoints (src/modules/accounts/users.routes.ts): the signed-in user's own address and reminder preference. */
import type { Static } from 'typebox';
import type { OwnAccountPatchBody, OwnAccountSchema } from '../../../../modules/accounts/users.schemas.ts';
import { request } from './client.ts';

/** The signed-in user's account as they see it (the whole e-mail address). */
export type OwnAccount = Static<typeof OwnAccountSchema>;
export type OwnAccountInput = Static<typeof OwnAccountPatchBody>;

export const accountApi = {
  get: (signal?: AbortSignal) => request<OwnAccount>('GET', '/account', { signal }),
  update: (input: OwnAccountInput) => request<OwnAccount>('PATCH', '/account', { body: input }),
};

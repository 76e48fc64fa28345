/**
 * Login throttling (issue 15; GB/T 22239-2019 8.1.4.1 b "应具有登录失败处理功能，应配置并启用结束会话、
 * 限制非法登录次数…"). Failed sign-ins are counted under three keys, whatever the username, known or
 * not, so the answers never tell one from the other:
 *
 * - **username × address** — the 等保 lockout: `threshold` wrong passwords in a row from one address
 *   block that address for that username for `lockoutMinutes`, doubling with each further lockout
 *   (15, 30, 60 … minutes, at most a day). Someone elsewhere is not affected, so nobody can lock
 *   another person out of their account by typing its name.
 * - **username** — distributed guessing: `4 × threshold` failures from any addresses block the
 *   username for a growing period, except for addresses that have signed in to it before (the
 *   holder's office keeps working while the account is under attack).
 * - **address** — password spraying over many usernames: `4 × threshold` failures from one address
 *   block it for a growing period.
 *
 * Attempts while blocked are refused without being counted, so an attacker cannot keep extending a
 * block; the security administrator lifts a username's blocks at once (users.unlock). Growth
 * starts again after a day without failures.
 */

export type ThrottleScope = 'user_address' | 'user' | 'address';

export interface ThrottleState {
  failures: number;
  lockouts: number;
  blockedUntil: string | null;
  trusted: boolean;
  updatedAt: string | null;
}

export interface ThrottleSettings {
  /** Wrong passwords in a row before a lockout (GONGKAI_LOCKOUT_THRESHOLD, default 5). */
  lockoutThreshold: number;
  /** The first lockout's length (GONGKAI_LOCKOUT_MINUTES, default 15); each further one doubles. */
  lockoutMinutes: number;
}

export const MAX_BLOCK_MINUTES = 24 * 60;
const DAY_MS = 24 * 3_600_000;

export const EMPTY_THROTTLE: ThrottleState = {
  failures: 0,
  lockouts: 0,
  blockedUntil: null,
  trusted: false,
  updatedAt: null,
};

/** Failures before a block, per scope. */
export function thresholdFor(scope: ThrottleScope, settings: ThrottleSettings): number {
  return scope === 'user_address' ? settings.lockoutThreshold : settings.lockoutThreshold * 4;
}

/** The block in force at `now`, if any (ISO time it ends). */
export function activeBlock(state: ThrottleState, now: Date): string | null {
  return state.blockedUntil && state.blockedUntil > now.toISOString() ? state.blockedUntil : null;
}

/**
 * Whether an attempt by `username` from an address is refused without looking at the password,
 * and until when. `userAddress` is the pair's state, `user` and `address` the wider ones.
 */
export function refusal(
  states: { userAddress: ThrottleState; user: ThrottleState; address: ThrottleState },
  now: Date,
): string | null {
  const blocks = [
    activeBlock(states.userAddress, now),
    activeBlock(states.address, now),
    states.userAddress.trusted ? null : activeBlock(states.user, now),
  ].filter((b): b is string => b !== null);
  return blocks.length ? blocks.sort().at(-1)! : null;
}

/** The state after one more failure; `locked` when this failure started a block. */
export function afterFailure(
  scope: ThrottleScope,
  state: ThrottleState,
  settings: ThrottleSettings,
  now: Date,
): ThrottleState & { locked: boolean } {
  const stale = state.updatedAt !== null && now.getTime() - new Date(state.updatedAt).getTime() > DAY_MS;
  const lockouts = stale ? 0 : state.lockouts;
  const failures = (stale ? 0 : state.failures) + 1;
  const iso = now.toISOString();
  if (failures < thresholdFor(scope, settings))
    return { ...state, failures, lockouts, blockedUntil: null, updatedAt: iso, locked: false };
  const minutes = Math.min(MAX_BLOCK_MINUTES, settings.lockoutMinutes * 2 ** Math.min(lockouts, 16));
  return {
    ...state,
    failures: 0,
    lockouts: lockouts + 1,
    blockedUntil: new Date(now.getTime() + minutes * 60_000).toISOString(),
    updatedAt: iso,
    locked: true,
  };
}

/** After the right password: the pair and the username start afresh; the pair is trusted from now on. */
export function afterSuccess(scope: ThrottleScope, state: ThrottleState, now: Date): ThrottleState {
  return {
    failures: 0,
    lockouts: 0,
    blockedUntil: null,
    trusted: scope === 'user_address' ? true : state.trusted,
    updatedAt: now.toISOString(),
  };
}

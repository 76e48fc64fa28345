import { describe, expect, it } from 'vitest';
import { afterFailure, EMPTY_THROTTLE, refusal, type ThrottleState } from './login-throttle.ts';

const settings = { lockoutThreshold: 5, lockoutMinutes: 15 };
const now = new Date('2026-03-02T02:00:00Z');

function fail(state: ThrottleState, n: number, at = now) {
  let s = state;
  for (let i = 0; i < n; i++) s = afterFailure('user_address', s, settings, at);
  return s;
}

describe('login throttle', () => {
  it('blocks after the threshold, doubling up to a day', () => {
    const lengths: number[] = [];
    let s = EMPTY_THROTTLE;
    for (let k = 0; k < 9; k++) {
      s = fail(s, 5);
      lengths.push((new Date(s.blockedUntil!).getTime() - now.getTime()) / 60_000);
    }
    expect(lengths).toEqual([15, 30, 60, 120, 240, 480, 960, 1440, 1440]);
  });

  it('starts afresh after a day without failures', () => {
    const s = fail(fail(EMPTY_THROTTLE, 5), 5);
    const later = new Date(now.getTime() + 25 * 3_600_000);
    const again = fail(s, 5, later);
    expect((new Date(again.blockedUntil!).getTime() - later.getTime()) / 60_000).toBe(15);
  });

  it('a trusted address passes a username-wide block but not its own', () => {
    const blocked = { ...EMPTY_THROTTLE, blockedUntil: '2026-03-02T03:00:00.000Z' };
    expect(
      refusal({ userAddress: { ...EMPTY_THROTTLE, trusted: true }, user: blocked, address: EMPTY_THROTTLE }, now),
    ).toBeNull();
    expect(refusal({ userAddress: EMPTY_THROTTLE, user: blocked, address: EMPTY_THROTTLE }, now)).toBe(
      blocked.blockedUntil,
    );
    expect(
      refusal({ userAddress: { ...blocked, trusted: true }, user: EMPTY_THROTTLE, address: EMPTY_THROTTLE }, now),
    ).toBe(blocked.blockedUntil);
  });
});

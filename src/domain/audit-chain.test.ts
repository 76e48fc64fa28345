import { describe, expect, it } from 'vitest';
import { findChainBreak, GENESIS_HASH, hashEvent, type ChainedEvent } from './audit-chain.ts';

function chain(n: number) {
  const events: Array<ChainedEvent & { hash: string }> = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const e: ChainedEvent = {
      chain: 'a',
      seq,
      agencyId: 'a',
      actorId: 'u',
      actorName: '张三',
      action: 'x.update',
      subjectType: 'x',
      subjectId: String(seq),
      summary: `第${seq}次`,
      beforeJson: null,
      afterJson: '{"v":1}',
      at: `2026-01-0${seq}T00:00:00Z`,
      clientIp: '127.0.0.1',
      prevHash: prev,
    };
    const hash = hashEvent(e);
    events.push({ ...e, hash });
    prev = hash;
  }
  return events;
}

describe('audit hash chain', () => {
  it('an intact chain verifies, with and without its anchor', () => {
    const c = chain(5);
    expect(findChainBreak(c, null)).toBeNull();
    expect(findChainBreak(c, { seq: 5, hash: c[4]!.hash })).toBeNull();
  });
  it('an edited event is named', () => {
    const c = chain(5);
    c[2] = { ...c[2]!, summary: '改过了' };
    expect(findChainBreak(c, null)).toEqual({ seq: 3, reason: expect.stringContaining('被修改') });
  });
  it('an edited event whose hash was recomputed breaks the next link', () => {
    const c = chain(5);
    const edited = { ...c[2]!, summary: '改过了' };
    c[2] = { ...edited, hash: hashEvent(edited) };
    expect(findChainBreak(c, null)?.seq).toBe(4);
  });
  it('a deleted event is named', () => {
    const c = chain(5);
    c.splice(1, 1);
    expect(findChainBreak(c, null)).toEqual({
      seq: 2,
      reason: expect.stringContaining('删除'),
      missing: { from: 2, to: 2 },
    });
  });
  it('a cut-off tail is detected only through the anchor', () => {
    const c = chain(5);
    const anchor = { seq: 5, hash: c[4]!.hash };
    const cut = c.slice(0, 3);
    expect(findChainBreak(cut, null)).toBeNull();
    expect(findChainBreak(cut, anchor)).toEqual({
      seq: 4,
      reason: expect.stringContaining('第 4–5 条'),
      missing: { from: 4, to: 5 },
    });
  });
});

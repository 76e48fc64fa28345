import { describe, expect, it } from 'vitest';
import {
  findChainBreak,
  GENESIS_HASH,
  hashEvent,
  setChainAlgorithm,
  type ChainedEvent,
} from '../../domain/audit-chain.ts';
import { createPersonalDataCipher, sealedAlgorithm } from './personal-data.ts';

const KEY = 'ab'.repeat(32);

describe('国密 option (GONGKAI_CRYPTO=gm)', () => {
  it('SM4 encrypts personal data, the algorithm is recorded beside the value, and both suites read both', () => {
    const gm = createPersonalDataCipher(KEY, 'gm');
    const intl = createPersonalDataCipher(KEY, 'international');
    const sealed = gm.encrypt('350504199001010029');
    expect(sealed.startsWith('sm4.')).toBe(true);
    expect(sealedAlgorithm(sealed)).toBe('sm4-ctr+hmac-sm3');
    expect(sealedAlgorithm(intl.encrypt('x'))).toBe('aes-256-gcm');
    expect(gm.decrypt(sealed)).toBe('350504199001010029');
    expect(intl.decrypt(sealed)).toBe('350504199001010029'); // an install that switches back still reads it
    expect(gm.decrypt(intl.encrypt('13900139000'))).toBe('13900139000'); // and one that switches to 国密
    expect(gm.encrypt('同一值')).not.toBe(gm.encrypt('同一值')); // a fresh IV each time
  });

  it('a changed SM4 value or another key is refused', () => {
    const gm = createPersonalDataCipher(KEY, 'gm');
    const sealed = gm.encrypt('王五');
    const [v, iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body!, 'base64url');
    flipped[0]! ^= 1;
    expect(() => gm.decrypt([v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow('无法解密');
    expect(() => createPersonalDataCipher('cd'.repeat(32), 'gm').decrypt(sealed)).toThrow('无法解密');
  });

  it('SM3 chains the audit trail, recorded per event, and a chain that switched algorithm verifies', () => {
    const event = (seq: number, prevHash: string): ChainedEvent => ({
      chain: 'system',
      seq,
      agencyId: null,
      actorId: null,
      actorName: '测试',
      action: 'test',
      subjectType: 'x',
      subjectId: null,
      summary: `事件 ${seq}`,
      beforeJson: null,
      afterJson: null,
      at: '2026-03-02T02:00:00.000Z',
      clientIp: null,
      prevHash,
    });
    try {
      const first = event(1, GENESIS_HASH);
      const a = { ...first, hash: hashEvent(first) }; // SHA-256
      setChainAlgorithm('sm3');
      const second = event(2, a.hash);
      const b = { ...second, hash: hashEvent(second) };
      expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(b.hash).toMatch(/^sm3:[0-9a-f]{64}$/);
      expect(findChainBreak([a, b], { seq: 2, hash: b.hash })).toBeNull();
      const edited = { ...b, summary: '改过' };
      expect(findChainBreak([a, edited], null)?.reason).toContain('修改');
    } finally {
      setChainAlgorithm('sha256');
    }
  });
});

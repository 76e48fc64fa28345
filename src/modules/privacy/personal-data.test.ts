import { describe, expect, it } from 'vitest';
import {
  createPersonalDataCipher,
  maskAddress,
  maskIdentity,
  maskPhone,
  normalizeIdentifier,
} from './personal-data.ts';

const key = 'ab'.repeat(32);

describe('personal data at rest', () => {
  const cipher = createPersonalDataCipher(key);

  it('round-trips, with a fresh IV each time', () => {
    const a = cipher.encrypt('350504199001011234');
    const b = cipher.encrypt('350504199001011234');
    expect(a).not.toBe(b);
    expect(a).not.toContain('350504');
    expect(cipher.decrypt(a)).toBe('350504199001011234');
  });

  it('refuses a tampered value or another key, in Chinese', () => {
    const sealed = cipher.encrypt('福建省泉州市洛江区万安街道1号');
    const parts = sealed.split('.');
    const tampered = [
      ...parts.slice(0, 3),
      Buffer.from('x' + Buffer.from(parts[3]!, 'base64url').toString('latin1'), 'latin1').toString('base64url'),
    ].join('.');
    expect(() => cipher.decrypt(tampered)).toThrow('无法解密');
    expect(() => createPersonalDataCipher('cd'.repeat(32)).decrypt(sealed)).toThrow('无法解密');
    expect(() => cipher.decrypt('garbage')).toThrow('无法识别');
  });

  it('recognises the same identifier however it was typed, without decrypting', () => {
    expect(cipher.keyedHash('35050419900101123x')).toBe(cipher.keyedHash(' 350504 19900101 123X '));
    expect(cipher.keyedHash('３５０５０４１９９００１０１１２３Ｘ')).toBe(cipher.keyedHash('35050419900101123X'));
    expect(cipher.keyedHash('350504199001011234')).not.toBe(cipher.keyedHash('350504199001011235'));
    expect(createPersonalDataCipher('cd'.repeat(32)).keyedHash('350504199001011234')).not.toBe(
      cipher.keyedHash('350504199001011234'),
    );
    expect(normalizeIdentifier('91350500-MA2Y 1234X')).toBe('91350500MA2Y1234X');
  });

  it('masks for lists', () => {
    expect(maskIdentity('350504199001011234')).toBe('3505**********1234');
    expect(maskPhone('138-0595-5678')).toBe('138****5678');
    expect(maskAddress('福建省泉州市洛江区万安街道1号')).toBe('福建省泉州市****');
  });
});

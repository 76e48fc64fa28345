/**
 * Personal data at rest (identity numbers, phone numbers, addresses): encrypted with
 * AES-256-GCM (`v1.…`) or, on a 国密 install (GONGKAI_CRYPTO=gm, GB/T 39786-2021), with SM4-CTR and
 * an HMAC-SM3 tag (`sm4.…`), under keys derived from GONGKAI_ENCRYPTION_KEY. The prefix records
 * the algorithm beside each value: decryption reads both, so an install can switch suites and
 * re-encrypt at leisure. The keyed hash (HMAC-SHA256 under a key derived
 * from the same secret) beside it so that the same applicant can be recognised — repeat
 * requests, monthly fee counts (国办函〔2020〕109号) — without decrypting anything.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { decodeKey } from '../../config/config.ts';
import { DomainError } from '../../domain/errors.ts';

const VERSION = 'v1';

export interface PersonalDataCipher {
  /** `v1.<iv>.<tag>.<ciphertext>` (base64url parts), a fresh IV each time. */
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Keyed hash of a normalized value (see `normalizeIdentifier`), hex. Same input → same hash. */
  keyedHash(value: string): string;
}

/** Uppercase, no spaces or separators, full-width digits and letters folded to ASCII. */
export function normalizeIdentifier(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[\s\-－_]/g, '')
    .toUpperCase();
}

export type CryptoSuite = 'international' | 'gm';

/** The algorithm a sealed value was encrypted with, from its prefix. */
export function sealedAlgorithm(sealed: string): 'aes-256-gcm' | 'sm4-ctr+hmac-sm3' | null {
  const prefix = sealed.slice(0, sealed.indexOf('.'));
  return prefix === VERSION ? 'aes-256-gcm' : prefix === SM4_VERSION ? 'sm4-ctr+hmac-sm3' : null;
}

const SM4_VERSION = 'sm4';

export function createPersonalDataCipher(
  encryptionKey: string,
  suite: CryptoSuite = 'international',
): PersonalDataCipher {
  const master = decodeKey(encryptionKey, 'GONGKAI_ENCRYPTION_KEY');
  // 国密: SM4-128 key and HMAC-SM3 key derived with HKDF-SM3.
  const sm4Key = Buffer.from(hkdfSync('sm3', master, Buffer.alloc(0), 'gongkai personal data sm4', 16));
  const sm3MacKey = Buffer.from(hkdfSync('sm3', master, Buffer.alloc(0), 'gongkai personal data sm3 mac', 32));
  const sm4Tag = (iv: Buffer, body: Buffer) =>
    createHmac('sm3', sm3MacKey).update(SM4_VERSION).update(iv).update(body).digest();
  // Separate keys for encryption and hashing, so neither use weakens the other.
  const encKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'gongkai personal data encryption', 32));
  const macKey = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'gongkai personal data matching', 32));
  return {
    encrypt(plain) {
      if (suite === 'gm') {
        const iv = randomBytes(16);
        const cipher = createCipheriv('sm4-ctr', sm4Key, iv);
        const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
        return [
          SM4_VERSION,
          iv.toString('base64url'),
          sm4Tag(iv, body).toString('base64url'),
          body.toString('base64url'),
        ].join('.');
      }
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [
        VERSION,
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        body.toString('base64url'),
      ].join('.');
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version === SM4_VERSION && iv && tag && body !== undefined) {
        const ivBytes = Buffer.from(iv, 'base64url');
        const bodyBytes = Buffer.from(body, 'base64url');
        const expected = sm4Tag(ivBytes, bodyBytes);
        const given = Buffer.from(tag, 'base64url');
        if (given.length !== expected.length || !timingSafeEqual(given, expected))
          throw new DomainError('DATA_INVALID', '加密数据无法解密：密钥不符或数据已被改动');
        const decipher = createDecipheriv('sm4-ctr', sm4Key, ivBytes);
        return Buffer.concat([decipher.update(bodyBytes), decipher.final()]).toString('utf8');
      }
      if (version !== VERSION || !iv || !tag || body === undefined)
        throw new DomainError('DATA_INVALID', '加密数据格式无法识别');
      try {
        const decipher = createDecipheriv('aes-256-gcm', encKey, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new DomainError('DATA_INVALID', '加密数据无法解密：密钥不符或数据已被改动');
      }
    },
    keyedHash(value) {
      return createHmac('sha256', macKey).update(normalizeIdentifier(value)).digest('hex');
    },
  };
}

/**
 * Masks for lists: keep the first 4 and last 4 characters of an identity number
 * (3505**********1234), the first 3 and last 4 digits of a phone (138****5678), and the
 * first 6 characters of an address.
 */
export function maskIdentity(value: string): string {
  const v = normalizeIdentifier(value);
  if (v.length <= 8) return '*'.repeat(v.length);
  return `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`;
}

export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** c***@example.gov.cn: the first character and the domain. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

export function maskAddress(value: string): string {
  const chars = [...value.trim()];
  return chars.length <= 6 ? chars.join('') : `${chars.slice(0, 6).join('')}****`;
}

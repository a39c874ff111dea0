/**
 * Password hashing with salted PBKDF2-HMAC-SHA-256 from Web Crypto. Only hashes are stored.
 *
 * Stored format: `pbkdf2-sha256$<iterations>$<salt>$<hash>` (salt and hash base64url), so the
 * iteration count can be raised later without breaking existing hashes.
 */
import { base64url } from 'jose';

import { WorkLimit } from './work-limit';

/**
 * 600,000 iterations: OWASP's current recommendation for PBKDF2-HMAC-SHA-256. Measured at about
 * 70 ms per hash in headless Chromium on the development machine, which keeps a sign-in inside the
 * ~100 ms budget. Specs pass a lower count through `provideMockApi({ passwordIterations })`.
 */
export const DEFAULT_PASSWORD_ITERATIONS = 600_000;

/**
 * Every hash and check of this server, one at a time. A derivation keeps a core busy for its whole
 * run (and, in Node, one of libuv's 4 threadpool threads, the queue Web Crypto's HMAC shares): ten
 * parallel sign-ins with a wrong password would otherwise hold both cores of a small machine, and
 * a refresh behind them would wait seconds for its HMAC (`npm run bench -- --only lock`). In line,
 * the sign-ins wait for each other instead; a real server with more cores could allow more.
 */
export const PASSWORD_WORK = new WorkLimit(1);

const SCHEME = 'pbkdf2-sha256';
const SALT_BYTES = 16;
const HASH_BITS = 256;

export async function hashPassword(password: string, iterations: number): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, iterations);
  return [SCHEME, iterations, base64url.encode(salt), base64url.encode(hash)].join('$');
}

/** Whether `password` matches `stored`; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, rounds, salt, hash, ...rest] = stored.split('$');
  const iterations = Number(rounds);
  if (scheme !== SCHEME || rest.length > 0 || !Number.isInteger(iterations) || iterations < 1) {
    return false;
  }
  try {
    const expected = base64url.decode(hash ?? '');
    const actual = await derive(password, base64url.decode(salt ?? ''), iterations);
    return constantTimeEqual(actual, expected);
  } catch {
    return false;
  }
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await PASSWORD_WORK.run(() =>
    crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
      material,
      HASH_BITS,
    ),
  );
  return new Uint8Array(bits);
}

/** Compares every byte, so the time taken does not reveal where the first difference is. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i] ^ b[i];
  return difference === 0;
}

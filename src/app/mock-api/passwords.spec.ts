import { HttpClient, provideHttpClient } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';

import { DemoServerControls } from './demo-server-controls';
import { clearServerStorage, signIn, storedState } from './testing/mock-api-harness';
import {
  DEFAULT_PASSWORD_ITERATIONS,
  hashPassword,
  PASSWORD_WORK,
  verifyPassword,
} from './passwords';
import { provideMockApi } from './provide-mock-api';

describe('passwords (PBKDF2-SHA-256)', () => {
  it('stores scheme, iteration count, salt and hash, and never the password', async () => {
    const hash = await hashPassword('correct horse', 1000);

    expect(hash).toMatch(/^pbkdf2-sha256\$1000\$[\w-]{22}\$[\w-]{43}$/);
    expect(hash).not.toContain('correct horse');
  });

  it('salts every hash, so equal passwords give different hashes', async () => {
    expect(await hashPassword('same password', 1000)).not.toBe(
      await hashPassword('same password', 1000),
    );
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse', 1000);

    expect(await verifyPassword('correct horse', hash)).toBeTrue();
    expect(await verifyPassword('correct horsf', hash)).toBeFalse();
    expect(await verifyPassword('', hash)).toBeFalse();
  });

  it('derives one hash at a time, so parallel sign-ins leave the other cores to the rest', async () => {
    const subtle = crypto.subtle;
    const deriveBits = subtle.deriveBits.bind(subtle);
    let running = 0;
    let most = 0;
    spyOn(subtle, 'deriveBits').and.callFake(
      async (...args: Parameters<SubtleCrypto['deriveBits']>) => {
        running++;
        most = Math.max(most, running);
        try {
          return await deriveBits(...args);
        } finally {
          running--;
        }
      },
    );
    const stored = await hashPassword('correct horse', 1000);
    most = 0;

    const answers = await Promise.all([
      ...Array.from({ length: 5 }, () => hashPassword('other', 1000)),
      ...Array.from({ length: 5 }, () => verifyPassword('wrong', stored)),
    ]);

    expect(most).toBe(PASSWORD_WORK.limit);
    expect(PASSWORD_WORK.limit).toBe(1);
    expect(answers.slice(5)).toEqual([false, false, false, false, false]);
    expect(PASSWORD_WORK.pending).toBe(0);
  });

  it('never matches a malformed stored hash', async () => {
    for (const stored of [
      '',
      'plain-text',
      'pbkdf2-sha256$x$abc$def',
      'md5$1000$abc$def',
      'pbkdf2-sha256$1000$abc',
    ]) {
      expect(await verifyPassword('anything', stored))
        .withContext(stored)
        .toBeFalse();
    }
  });

  it('uses 600,000 iterations in the app (no test override) and still signs in', async () => {
    clearServerStorage();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideMockApi()] });
    await TestBed.inject(DemoServerControls).setLatency(0);

    const tokens = await signIn(TestBed.inject(HttpClient));

    expect(DEFAULT_PASSWORD_ITERATIONS).toBe(600_000);
    expect(tokens.user.username).toBe('demo');
    expect(
      storedState()!.users.every((u) => u.passwordHash.startsWith('pbkdf2-sha256$600000$')),
    ).toBeTrue();
    clearServerStorage();
  });
});

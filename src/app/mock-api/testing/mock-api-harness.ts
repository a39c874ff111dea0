/**
 * Test harness for specs that talk to the in-browser server through `HttpClient`, as the app does:
 * a fresh server per spec (its `mock-api:` storage cleared, latency 0, cheap password hashing,
 * a clock the spec moves), small request helpers, and token forgers for the refusal cases.
 */
import {
  HttpClient,
  HttpErrorResponse,
  HttpHeaders,
  type HttpResponse,
  provideHttpClient,
} from '@angular/common/http';
import type { EnvironmentProviders, Provider } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { base64url, SignJWT } from 'jose';
import { firstValueFrom, type Observable } from 'rxjs';

import { API_PATHS, type TokenClaims, type TokenResponse } from '../../api-contract';
import { DemoServerControls } from '../demo-server-controls';
import { provideMockApi } from '../provide-mock-api';
import type { MockApiOptions } from '../server-context';
import { STATE_KEY, STORAGE_PREFIX } from '../server-db';
import type { ServerState } from '../server-state';
import { HEADER_TYPES, TOKEN_AUDIENCE, TOKEN_ISSUER } from '../token-service';

/** Cheap hashing for specs; the app uses `DEFAULT_PASSWORD_ITERATIONS`. */
export const TEST_PASSWORD_ITERATIONS = 1000;

/** A clock that only moves when told to. */
export class TestClock {
  #now = Date.now();

  readonly now = (): number => this.#now;

  advance(seconds: number): void {
    this.#now += seconds * 1000;
  }
}

export interface MockApiHarness {
  http: HttpClient;
  controls: DemoServerControls;
  clock: TestClock;
}

/** Removes every `mock-api:` key (and only those) from localStorage. */
export function clearServerStorage(): void {
  for (const key of Object.keys(localStorage)) {
    if (key.startsWith(STORAGE_PREFIX)) localStorage.removeItem(key);
  }
}

/**
 * Configures TestBed with `provideHttpClient()` + `provideMockApi()` and sets latency to 0.
 * Pass `keepStorage` to start a second server instance on the first one's stored state.
 */
export async function setUpMockApi(
  options: MockApiOptions & {
    keepStorage?: boolean;
    providers?: (Provider | EnvironmentProviders)[];
  } = {},
): Promise<MockApiHarness> {
  const { keepStorage, providers = [], ...apiOptions } = options;
  if (!keepStorage) clearServerStorage();
  const clock = new TestClock();
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideMockApi({
        passwordIterations: TEST_PASSWORD_ITERATIONS,
        now: clock.now,
        ...apiOptions,
      }),
      ...providers,
    ],
  });
  const controls = TestBed.inject(DemoServerControls);
  await controls.setLatency(0);
  return { http: TestBed.inject(HttpClient), controls, clock };
}

/** Resolves with the full response; rejects if the server refuses. */
export function send<T>(request: Observable<HttpResponse<T>>): Promise<HttpResponse<T>> {
  return firstValueFrom(request);
}

/** Resolves with the `HttpErrorResponse` of a request that must fail (rejects if it succeeds). */
export async function refusal(request: Observable<unknown>): Promise<HttpErrorResponse> {
  try {
    await firstValueFrom(request);
  } catch (failure) {
    if (failure instanceof HttpErrorResponse) return failure;
    throw failure;
  }
  throw new Error('Expected the server to refuse the request, but it succeeded.');
}

export function bearer(token: string): { headers: HttpHeaders } {
  return { headers: new HttpHeaders({ Authorization: `Bearer ${token}` }) };
}

export function signIn(
  http: HttpClient,
  username = 'demo',
  password = `${username}1234`,
): Promise<TokenResponse> {
  return firstValueFrom(http.post<TokenResponse>(API_PATHS.login, { username, password }));
}

export function refreshWith(http: HttpClient, refreshToken: string): Promise<TokenResponse> {
  return firstValueFrom(http.post<TokenResponse>(API_PATHS.refresh, { refreshToken }));
}

/** The server's state exactly as stored; `null` before the first request seeded it. */
export function storedState(): ServerState | null {
  return JSON.parse(localStorage.getItem(STATE_KEY) ?? 'null') as ServerState | null;
}

export function decodeClaims(token: string): TokenClaims {
  return JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[1]))) as TokenClaims;
}

/** Valid-looking access-token claims for `sub` issued at `now` (epoch ms), changed per spec. */
export function accessClaims(
  sub: string,
  now: number,
  overrides: Partial<TokenClaims> = {},
): TokenClaims {
  const iat = Math.floor(now / 1000);
  return {
    iss: TOKEN_ISSUER,
    aud: TOKEN_AUDIENCE,
    sub,
    name: 'Forged',
    roles: ['user', 'admin'],
    iat,
    exp: iat + 300,
    jti: crypto.randomUUID(),
    sid: crypto.randomUUID(),
    typ: 'access',
    ...overrides,
  };
}

/**
 * Signs `claims` with HS256 and the given base64url key (the server's, or any other), with the
 * header `typ` of their kind unless `typ` says otherwise.
 */
export function forgeToken(
  claims: TokenClaims,
  key: string,
  alg = 'HS256',
  typ = HEADER_TYPES[claims.typ],
): Promise<string> {
  return new SignJWT({ ...claims }).setProtectedHeader({ alg, typ }).sign(base64url.decode(key));
}

/** An unsecured JWT (`alg: none`, empty signature), built by hand. */
export function unsignedToken(claims: TokenClaims): string {
  const part = (value: object) => base64url.encode(JSON.stringify(value));
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

/** The token with its payload changed but its original signature kept. */
export function tamperedToken(token: string, changes: Partial<TokenClaims>): string {
  const [header, , signature] = token.split('.');
  const payload = base64url.encode(JSON.stringify({ ...decodeClaims(token), ...changes }));
  return `${header}.${payload}.${signature}`;
}

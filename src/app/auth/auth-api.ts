import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import {
  API_PATHS,
  LoginRequest,
  LogoutRequest,
  RefreshRequest,
  RegisterRequest,
  RegisterResponse,
  TokenResponse,
  User,
} from '../api-contract';
import { AUTH_ENDPOINT } from './request-context';

/**
 * The HTTP calls to the auth endpoints. Each is marked `AUTH_ENDPOINT`, so the interceptor sends
 * it without a token and never answers its 401 with a refresh. Only `AuthStore` calls these.
 */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  readonly #http = inject(HttpClient);

  login(body: LoginRequest): Observable<TokenResponse> {
    return this.#http.post<TokenResponse>(API_PATHS.login, body, { context: authContext() });
  }

  /** The server answers with a token pair (signed in at once) or with the new user. */
  register(body: RegisterRequest): Observable<RegisterResponse> {
    return this.#http.post<RegisterResponse>(API_PATHS.register, body, {
      context: authContext(),
    });
  }

  refresh(refreshToken: string): Observable<TokenResponse> {
    const body: RefreshRequest = { refreshToken };
    return this.#http.post<TokenResponse>(API_PATHS.refresh, body, { context: authContext() });
  }

  logout(refreshToken: string): Observable<unknown> {
    const body: LogoutRequest = { refreshToken };
    return this.#http.post(API_PATHS.logout, body, { context: authContext() });
  }

  /** A protected call (not an auth endpoint): the interceptor attaches the token. */
  me(): Observable<User> {
    return this.#http.get<User>(API_PATHS.me);
  }
}

function authContext(): HttpContext {
  return new HttpContext().set(AUTH_ENDPOINT, true);
}

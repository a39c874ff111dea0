/**
 * The wire contract between the Angular client and the auth server: URL paths and JSON shapes.
 *
 * Both sides import it: `auth/` and the pages as the client, `mock-api/` as the in-browser server.
 * A real backend that answers these paths with these bodies can replace the in-browser server
 * without changing any client code (see README, "Pointing the app at a real backend").
 */

/** Every API URL is relative and starts with `api/`, so it resolves under the app's base href. */
export const API_PATHS = {
  register: 'api/auth/register',
  login: 'api/auth/login',
  refresh: 'api/auth/refresh',
  logout: 'api/auth/logout',
  me: 'api/users/me',
  todos: 'api/todos',
  adminUsers: 'api/admin/users',
} as const;

export type Role = 'user' | 'admin';

/** A user as the server returns it (never with a password hash). */
export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  createdAt: string;
  lastLoginAt: string | null;
}

/**
 * What `POST api/auth/register` answers: this server sends `{ user }` (201) and the client then
 * signs in; a server that signs the new user in at once may send a token response instead.
 */
export type RegisterResponse = TokenResponse | { user: User };

export interface RegisterRequest {
  username: string;
  password: string;
  displayName?: string;
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface RefreshRequest {
  refreshToken: string;
}

export type LogoutRequest = RefreshRequest;

/** The body of a successful login or refresh. Lifetimes are in seconds. */
export interface TokenResponse {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshExpiresIn: number;
  user: User;
}

export interface UpdateProfileRequest {
  displayName: string;
}

export interface Todo {
  id: string;
  title: string;
  done: boolean;
  createdAt: string;
}

export interface CreateTodoRequest {
  title: string;
}

export interface UpdateTodoRequest {
  title?: string;
  done?: boolean;
}

/** A row of `GET api/admin/users`. */
export interface AdminUserRow extends User {
  activeSessions: number;
}

/** Every error body the server sends. */
export interface ApiErrorBody {
  error: ApiErrorCode;
  message: string;
  /** Seconds to wait, on 429 `too_many_attempts`. */
  retryAfter?: number;
}

export type ApiErrorCode =
  | 'invalid_request'
  | 'invalid_credentials'
  | 'too_many_attempts'
  | 'username_taken'
  | 'invalid_grant'
  | 'invalid_token'
  | 'missing_token'
  | 'insufficient_scope'
  | 'not_found'
  | 'method_not_allowed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'insecure_context'
  | 'server_error';

/** The claims of both token types. `typ` tells an access token from a refresh token. */
export interface TokenClaims {
  iss: string;
  aud: string;
  sub: string;
  name: string;
  roles: Role[];
  iat: number;
  exp: number;
  nbf?: number;
  jti: string;
  sid: string;
  typ: 'access' | 'refresh';
  /** Access tokens only (RFC 9068): the client the token was issued to. */
  client_id?: string;
}

/** Username and password rules, enforced by the server and shown by the forms before submit. */
export const CREDENTIAL_RULES = {
  usernamePattern: /^[a-z0-9._-]{3,32}$/,
  usernameMin: 3,
  usernameMax: 32,
  passwordMin: 8,
  passwordMax: 128,
  displayNameMax: 64,
} as const;

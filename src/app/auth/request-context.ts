import { HttpContextToken } from '@angular/common/http';

/**
 * Per-request flags for the auth interceptor, carried in `HttpContext` rather than URL lists.
 *
 * `AUTH_ENDPOINT`: set by `AuthApi` on login, register, refresh and logout. The interceptor
 * never attaches a token to these and never refreshes when they fail.
 */
export const AUTH_ENDPOINT = new HttpContextToken<boolean>(() => false);

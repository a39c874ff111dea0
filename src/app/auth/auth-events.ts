import { Injectable } from '@angular/core';
import { Observable, Subject, filter } from 'rxjs';

import { User } from '../api-contract';

/** Every event on the auth bus. `reason` reads well after "Your session has ended: ". */
export type AuthEvent =
  | { readonly type: 'signedIn'; readonly user: User }
  | { readonly type: 'signedOut' }
  | { readonly type: 'sessionExpired'; readonly reason: string }
  | { readonly type: 'tokenRefreshed'; readonly refreshId: number; readonly proactive: boolean }
  | { readonly type: 'refreshFailed'; readonly refreshId: number; readonly transient: boolean };

export type AuthEventType = AuthEvent['type'];
export type AuthEventOf<T extends AuthEventType> = Extract<AuthEvent, { type: T }>;

/**
 * The auth event bus. `AuthStore` emits; the shell (navigation, messages) and the devtools listen.
 * Events are delivered synchronously and not replayed: subscribe before you need them.
 */
@Injectable({ providedIn: 'root' })
export class AuthEvents {
  readonly #events = new Subject<AuthEvent>();

  /** Every event, in order. */
  readonly events$: Observable<AuthEvent> = this.#events.asObservable();

  /** Only the events of one type, typed accordingly. */
  on<T extends AuthEventType>(type: T): Observable<AuthEventOf<T>> {
    return this.events$.pipe(filter((event): event is AuthEventOf<T> => event.type === type));
  }

  emit(event: AuthEvent): void {
    this.#events.next(event);
  }
}

import { Injectable } from '@angular/core';
import { Observable, Subject, filter } from 'rxjs';

import { User } from '../api-contract';

/**
 * Every event on the auth bus. `reason` reads well after "Your session has ended: ".
 *
 * `fromOtherTab: true` marks a change this tab took over from another tab (localStorage mode: one
 * session for all tabs); it is absent when the change happened here. `tokensAdopted`: this tab
 * took over tokens another tab refreshed, without a refresh call of its own (`refreshId` is this
 * tab's refresh that was answered that way, or null when the tokens arrived through storage sync).
 * `previousUser` on a `signedIn` from another tab: this tab still held a session of that other
 * user (it learnt of the switch late, e.g. frozen or in the back/forward cache), so what it shows
 * is that user's.
 */
export type AuthEvent =
  | {
      readonly type: 'signedIn';
      readonly user: User;
      readonly fromOtherTab?: true;
      readonly previousUser?: User;
    }
  | { readonly type: 'signedOut'; readonly fromOtherTab?: true }
  | { readonly type: 'sessionExpired'; readonly reason: string; readonly fromOtherTab?: true }
  | { readonly type: 'tokenRefreshed'; readonly refreshId: number; readonly proactive: boolean }
  | { readonly type: 'refreshFailed'; readonly refreshId: number; readonly transient: boolean }
  | { readonly type: 'tokensAdopted'; readonly refreshId: number | null };

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

import { Signal, signal } from '@angular/core';
import { Observable, firstValueFrom } from 'rxjs';

import { httpErrorMessage } from '../http-error-message';

export type LoadState = 'loading' | 'loaded' | 'failed';

/** Server data a page shows, with its loading and error state. */
export interface RemoteData<T> {
  /** The last value loaded (kept while a reload runs), or undefined before the first one. */
  readonly value: Signal<T | undefined>;
  readonly state: Signal<LoadState>;
  /** The sentence to show when the last load failed. */
  readonly error: Signal<string | null>;
  /** (Re)loads; never rejects. An older call that answers late is ignored. */
  reload(): Promise<void>;
  /** Replaces the value, e.g. after a change the server confirmed. */
  set(value: T): void;
}

/**
 * Loads `fetch()` into signals: `state` is `loading` until it answers, then `loaded` or `failed`
 * with an `error` sentence, so a page can always show a spinner, the data or a way to retry.
 * Nothing is fetched until the first `reload()`.
 */
export function remoteData<T>(fetch: () => Observable<T>): RemoteData<T> {
  const value = signal<T | undefined>(undefined);
  const state = signal<LoadState>('loading');
  const error = signal<string | null>(null);
  let latest = 0;

  async function reload(): Promise<void> {
    const call = ++latest;
    state.set('loading');
    error.set(null);
    try {
      const result = await firstValueFrom(fetch());
      if (call !== latest) return;
      value.set(result);
      state.set('loaded');
    } catch (failure) {
      if (call !== latest) return;
      error.set(httpErrorMessage(failure));
      state.set('failed');
    }
  }

  return {
    value: value.asReadonly(),
    state: state.asReadonly(),
    error: error.asReadonly(),
    reload,
    set: (next) => {
      latest++;
      value.set(next);
      state.set('loaded');
      error.set(null);
    },
  };
}

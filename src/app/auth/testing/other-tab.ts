import { EnvironmentInjector, createEnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { AuthEvent, AuthEvents } from '../auth-events';
import { AUTH_SETTINGS_KEY, AuthSettings } from '../auth-settings';
import { AuthStore } from '../auth-store';
import { RefreshCoordinator } from '../refresh-coordinator';
import { SessionCore } from '../session-core';
import { SharedSession } from '../shared-session';
import { SessionRecheck } from '../session-recheck';
import { TabSync } from '../tab-sync';
import { SESSION_END_KEY } from '../session-end-mark';
import { NO_TAB_CHANNEL, TAB_CHANNEL } from '../tab-channel';
import { TOKENS_KEY, TokenStorage } from '../token-storage';
import { FakeTabChannels } from './fake-tab-channels';

/**
 * Test-only: a second "tab" inside one TestBed. It has its own `AuthStore` (with the session,
 * refresh coordinator and shared session behind it), `TokenStorage`,
 * `AuthSettings`, `AuthEvents` and `TabSync` (a child injector) and its own end of the tabs'
 * channel (`FakeTabChannels`), and shares localStorage, the HTTP stack and `WEB_LOCKS` with the
 * TestBed's own tab, as real tabs of one origin do.
 */
export interface OtherTab {
  injector: EnvironmentInjector;
  store: AuthStore;
  storage: TokenStorage;
  settings: AuthSettings;
  sync: TabSync;
  events: AuthEvent[];
}

/** The services every tab has its own instance of (the tab model adds its HTTP stack). */
export const TAB_SERVICES = [
  AuthStore,
  SessionCore,
  RefreshCoordinator,
  SharedSession,
  TokenStorage,
  AuthSettings,
  AuthEvents,
  TabSync,
  SessionRecheck,
];

export function openOtherTab(): OtherTab {
  const channel = TestBed.inject(FakeTabChannels, null)?.channel() ?? NO_TAB_CHANNEL;
  const injector = createEnvironmentInjector(
    [{ provide: TAB_CHANNEL, useValue: channel }, ...TAB_SERVICES],
    TestBed.inject(EnvironmentInjector),
  );
  const events: AuthEvent[] = [];
  injector.get(AuthEvents).events$.subscribe((event) => events.push(event));
  return {
    injector,
    store: injector.get(AuthStore),
    storage: injector.get(TokenStorage),
    settings: injector.get(AuthSettings),
    sync: injector.get(TabSync),
    events,
  };
}

/** The keys the browser reports to the other tabs, in the order a tab writes them. */
const SYNCED_KEYS = [SESSION_END_KEY, TOKENS_KEY, AUTH_SETTINGS_KEY];

/**
 * Runs `change` (something one tab does) and then fires, on `window`, the `storage` events the
 * browser would fire in every other tab for the localStorage keys it changed.
 */
export async function withStorageEvents(change: () => unknown): Promise<void> {
  const before = SYNCED_KEYS.map((key) => localStorage.getItem(key));
  await change();
  SYNCED_KEYS.forEach((key, i) => {
    const newValue = localStorage.getItem(key);
    if (newValue === before[i]) return;
    window.dispatchEvent(
      new StorageEvent('storage', {
        key,
        oldValue: before[i],
        newValue,
        storageArea: localStorage,
        url: location.href,
      }),
    );
  });
}

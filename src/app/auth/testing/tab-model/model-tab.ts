/**
 * Test-only: one tab of the model. Its own `AuthStore` and the rest of the client core
 * (`TAB_SERVICES`), its own `HttpClient` with the real interceptor in front of its own backend on
 * the model's network, its own `TabChannel` on the model's bus; localStorage and the Web Locks are
 * shared with the other tabs, as in one browser. Nothing is started: the schedule delivers the
 * tab's `storage` events (`TabSync.apply`) and wakes it (`SessionRecheck.recheck`) itself.
 */
import { HttpBackend, HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  EnvironmentInjector,
  Injectable,
  InjectionToken,
  createEnvironmentInjector,
  inject,
} from '@angular/core';

import { AuthApi } from '../../auth-api';
import { AuthEvent, AuthEvents } from '../../auth-events';
import { authInterceptor } from '../../auth-interceptor';
import { AuthStore } from '../../auth-store';
import { SESSION_END_KEY } from '../../session-end-mark';
import { SessionRecheck } from '../../session-recheck';
import { NO_FENCE } from '../../../storage-fence';
import { TAB_CHANNEL } from '../../tab-channel';
import { TabSync } from '../../tab-sync';
import { StoredSession, TOKENS_KEY, TokenStorage } from '../../token-storage';
import { REFRESH_FENCE, WEB_LOCKS, WebLocks } from '../../web-locks';
import { TAB_SERVICES } from '../other-tab';
import { ModelNetwork } from './model-network';
import { TabBus } from './tab-bus';

const SHARED_KEYS = [SESSION_END_KEY, TOKENS_KEY];
const MODEL_TAB = new InjectionToken<{ id: number; bus: TabBus }>('MODEL_TAB');

/** `TokenStorage` that tells the bus which shared keys this tab changed (the `storage` events). */
@Injectable()
class ReportingTokenStorage extends TokenStorage {
  readonly #tab = inject(MODEL_TAB);
  #depth = 0;

  override write(session: StoredSession): void {
    this.#reporting(() => super.write(session));
  }

  override writeUser(...args: Parameters<TokenStorage['writeUser']>): void {
    this.#reporting(() => super.writeUser(...args));
  }

  override clear(...args: Parameters<TokenStorage['clear']>): void {
    this.#reporting(() => super.clear(...args));
  }

  #reporting(change: () => void): void {
    const before = SHARED_KEYS.map((key) => localStorage.getItem(key));
    this.#depth++;
    try {
      change();
    } finally {
      this.#depth--;
    }
    if (this.#depth > 0) return;
    const changed = SHARED_KEYS.filter((key, i) => localStorage.getItem(key) !== before[i]);
    if (changed.includes(TOKENS_KEY)) {
      this.#tab.bus.onTokensWritten(before[1], localStorage.getItem(TOKENS_KEY));
    }
    this.#tab.bus.storageChanged(this.#tab.id, changed);
  }
}

export interface ModelTab {
  readonly id: number;
  readonly injector: EnvironmentInjector;
  readonly store: AuthStore;
  readonly http: HttpClient;
  readonly sync: TabSync;
  readonly recheck: SessionRecheck;
  readonly authEvents: AuthEvents;
  /** Every auth event of this tab, in order. */
  readonly events: AuthEvent[];
  frozen: boolean;
}

export function openModelTab(
  id: number,
  parent: EnvironmentInjector,
  network: ModelNetwork,
  bus: TabBus,
  locks: WebLocks,
): ModelTab {
  bus.join(id);
  const injector = createEnvironmentInjector(
    [
      ...TAB_SERVICES,
      { provide: MODEL_TAB, useValue: { id, bus } },
      { provide: TokenStorage, useClass: ReportingTokenStorage },
      AuthApi,
      provideHttpClient(withInterceptors([authInterceptor])),
      { provide: HttpBackend, useValue: network.backendFor(id) },
      { provide: TAB_CHANNEL, useValue: bus.channelFor(id) },
      { provide: WEB_LOCKS, useValue: locks },
      { provide: REFRESH_FENCE, useValue: NO_FENCE },
    ],
    parent,
  );
  const events: AuthEvent[] = [];
  const authEvents = injector.get(AuthEvents);
  authEvents.events$.subscribe((event) => events.push(event));
  return {
    id,
    injector,
    store: injector.get(AuthStore),
    http: injector.get(HttpClient),
    sync: injector.get(TabSync),
    recheck: injector.get(SessionRecheck),
    authEvents,
    events,
    frozen: false,
  };
}

import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';

import { AuthSettings, StorageMode } from '../../auth/auth-settings';
import { TokenStorage } from '../../auth/token-storage';

/** The storage choices and the one-line trade-off of each. */
export const STORAGE_OPTIONS: readonly {
  readonly mode: StorageMode;
  readonly label: string;
  readonly tradeoff: string;
}[] = [
  {
    mode: 'local',
    label: 'localStorage',
    tradeoff:
      'survives reloads and is shared by tabs, but any script on the page can read it (XSS).',
  },
  {
    mode: 'session',
    label: 'sessionStorage',
    tradeoff: 'one tab only, survives a reload of that tab, still readable by XSS.',
  },
  {
    mode: 'memory',
    label: 'memory',
    tradeoff: 'safest against persistent theft, but lost on reload: you sign in again.',
  },
];

/** The client's own switches: refresh before expiry (proactive) and where the tokens are kept. */
@Component({
  selector: 'app-client-auth-controls',
  templateUrl: './client-auth-controls.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientAuthControls {
  readonly #settings = inject(AuthSettings);
  readonly #storage = inject(TokenStorage);

  protected readonly proactive = this.#settings.proactiveRefresh;
  protected readonly leeway = this.#settings.leewaySeconds;
  protected readonly storageOptions = computed(() =>
    STORAGE_OPTIONS.map((option) => {
      const inUse = option.mode === this.#storage.mode();
      const refused = this.#storage.refusedModes().includes(option.mode);
      const state = inUse ? ' (in use)' : refused ? ' (refused by this browser)' : '';
      return { ...option, inUse, refused, title: `${option.label}${state}` };
    }),
  );
  /** The browser blocks site data: what that means for this session and the in-browser server. */
  protected readonly memoryOnly = this.#storage.memoryOnly;

  protected setProactive(event: Event): void {
    this.#settings.setProactiveRefresh((event.target as HTMLInputElement).checked);
  }

  protected setStorage(event: Event): void {
    this.#storage.setMode((event.target as HTMLSelectElement).value as StorageMode);
  }
}

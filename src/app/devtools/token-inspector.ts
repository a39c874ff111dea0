import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';

import { AuthStore } from '../auth/auth-store';
import { httpErrorMessage } from '../http-error-message';
import { Clock } from './clock';
import { DevtoolsNote } from './devtools-note';
import { TokenCard } from './token-card';

/**
 * The token inspector panel: both tokens decoded, with live countdowns driven by one shared
 * `Clock` (provided here, so it ticks only while the inspector is shown), and "Refresh now".
 */
@Component({
  selector: 'app-token-inspector',
  imports: [TokenCard, DevtoolsNote],
  providers: [Clock],
  templateUrl: './token-inspector.html',
  styles: `
    .token-grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr));
      gap: 0.5rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TokenInspector {
  readonly #store = inject(AuthStore);

  protected readonly accessToken = this.#store.accessToken;
  protected readonly refreshToken = this.#store.refreshToken;
  protected readonly refreshing = this.#store.refreshInProgress;
  protected readonly canRefresh = computed(() => this.#store.isSignedIn() && !this.refreshing());
  protected readonly message = signal('');

  /** Renews the pair now, through the same single-flight refresh the interceptor uses. */
  protected async refreshNow(): Promise<void> {
    this.message.set('Refreshing…');
    try {
      const { refreshId, joined } = await this.#store.refresh();
      this.message.set(`New token pair from refresh #${refreshId}${joined ? ' (joined)' : ''}.`);
    } catch (error) {
      this.message.set(`Refresh failed: ${httpErrorMessage(error)}`);
    }
  }
}

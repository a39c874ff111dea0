import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';

import { AuthStore } from '../../auth/auth-store';
import { SKEW_NOISE_MS } from '../../auth/server-clock';
import { httpErrorMessage } from '../../http-error-message';
import { Clock } from './clock';
import { DevtoolsNote } from '../devtools-note';
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
  protected readonly skew = computed(() =>
    this.#store.isSignedIn() ? describeSkew(this.#store.clockOffsetMs()) : null,
  );

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

/**
 * One line on how this browser's clock compares with the server's (`AuthStore.clockOffsetMs`,
 * positive when the server is ahead), for the inspector. "About": the offset is measured from an
 * `iat` in whole seconds and an answer that took its time to arrive, so it is good to a second or
 * so, not to the millisecond.
 */
export function describeSkew(offsetMs: number): string {
  if (offsetMs === 0) {
    return `Server clock: in step with this browser's (within ${SKEW_NOISE_MS / 1000} s).`;
  }
  const seconds = Math.round(Math.abs(offsetMs) / 1000);
  const [minutes, rest] = [Math.floor(seconds / 60), seconds % 60];
  const size =
    minutes === 0 ? `${rest} s` : rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
  const side = offsetMs > 0 ? 'ahead of' : 'behind';
  return (
    `Server clock: about ${size} ${side} this browser's. Countdowns and expiry checks use the ` +
    `server's time.`
  );
}

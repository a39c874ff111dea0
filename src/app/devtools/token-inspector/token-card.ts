import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { JwtHelperService } from '@auth0/angular-jwt';

import { AuthSettings } from '../../auth/auth-settings';
import { AuthStore } from '../../auth/auth-store';
import { clockTime } from '../activity/activity-row-view';
import { Clock } from './clock';
import { TokenState, decodeToken, expiringWindowMs, tokenCountdown } from './token-state';

const BADGE_CLASSES: Record<TokenState, string> = {
  valid: 'text-bg-success',
  expiring: 'text-bg-warning',
  expired: 'text-bg-danger',
  none: 'text-bg-secondary',
};

/**
 * One token in the inspector: state badge (in words, not only colour), live countdown with a
 * progress bar, issue and expiry times, and the decoded header and payload.
 */
@Component({
  selector: 'app-token-card',
  templateUrl: './token-card.html',
  styles: `
    .token-times {
      display: grid;
      grid-template-columns: auto 1fr;
      column-gap: 0.5rem;
    }
    .token-times dd {
      margin: 0;
    }
    pre {
      white-space: pre-wrap;
      word-break: break-all;
      font-size: 0.75rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TokenCard {
  readonly #now = inject(Clock).now;
  readonly #jwt = inject(JwtHelperService);
  readonly #leeway = inject(AuthSettings).leewaySeconds;
  /** Countdowns run on the server's clock, as the store judges expiry (`server-clock.ts`). */
  readonly #clockOffset = inject(AuthStore).clockOffsetMs;

  readonly kind = input.required<'access' | 'refresh'>();
  readonly token = input<string | null>(null);

  protected readonly label = computed(() =>
    this.kind() === 'access' ? 'Access token' : 'Refresh token',
  );
  protected readonly headingId = computed(() => `devtools-${this.kind()}-token`);
  protected readonly decoded = computed(() => decodeToken(this.#jwt, this.token()));
  protected readonly countdown = computed(() => {
    const { timing } = this.decoded();
    const window = expiringWindowMs(this.kind(), timing, this.#leeway());
    return tokenCountdown(timing, this.#now() + this.#clockOffset(), window);
  });
  protected readonly badgeClass = computed(() => BADGE_CLASSES[this.countdown().state]);
  protected readonly progressLabel = computed(() => `${this.label()} lifetime left`);
  protected readonly progressText = computed(() => {
    const { secondsLeft, lifetimeSeconds } = this.countdown();
    return `${secondsLeft} of ${lifetimeSeconds} seconds left`;
  });
  protected readonly times = computed(() => {
    const timing = this.decoded().timing;
    return timing
      ? { issued: clockTime(timing.issuedAt), expires: clockTime(timing.expiresAt) }
      : null;
  });
  protected readonly headerJson = computed(() => JSON.stringify(this.decoded().header, null, 2));
  protected readonly payloadJson = computed(() => JSON.stringify(this.decoded().payload, null, 2));
}

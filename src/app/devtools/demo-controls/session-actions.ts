import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { JwtHelperService } from '@auth0/angular-jwt';

import { AuthStore } from '../../auth/auth-store';
import { decodeClaims } from '../../auth/token-claims';
import { httpErrorMessage } from '../../http-error-message';
import { DemoServerControls } from '../../mock-api/demo-server-controls';

export const ACTION_MESSAGES = {
  expired:
    'The server now refuses the current access token: the next request gets a 401 and a silent refresh.',
  revoked:
    'Session revoked on the server. The session check refuses its access token from the next request; the refresh that follows is refused and ends the session.',
  revokedStateless:
    'Session revoked on the server. With the session check off, the access token works until it expires; the next refresh is refused and ends the session.',
  replayAccepted: 'The server accepted the replayed token (it is inside the reuse grace).',
  reset:
    'Demo server reset: seed accounts, todos and default settings are back. You are signed out.',
} as const;

/**
 * Buttons that make the session fail on purpose: expire the access token now, revoke the
 * session, replay the previous refresh token (reuse detection), and reset the demo server.
 */
@Component({
  selector: 'app-session-actions',
  templateUrl: './session-actions.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionActions {
  readonly #controls = inject(DemoServerControls);
  readonly #store = inject(AuthStore);
  readonly #jwt = inject(JwtHelperService);

  protected readonly busy = signal(false);
  protected readonly message = signal('');
  protected readonly signedIn = this.#store.isSignedIn;
  protected readonly canReplay = computed(() => this.#store.previousRefreshToken() !== null);
  protected readonly replayHint = computed(() =>
    this.canReplay()
      ? 'Replay sends the refresh token the last refresh rotated out, as a thief would.'
      : 'Replay needs a rotated-out refresh token: available after the first refresh (try Refresh now).',
  );

  protected expireAccessToken(): Promise<void> {
    return this.#run(async () => {
      const user = this.#store.user();
      if (!user) throw new Error('Sign in first.');
      await this.#controls.revokeAccessTokens(user.id);
      return ACTION_MESSAGES.expired;
    });
  }

  protected revokeSession(): Promise<void> {
    return this.#run(async () => {
      const claims = decodeClaims(this.#jwt, this.#store.refreshToken(), 'refresh');
      if (!claims) throw new Error('Sign in first.');
      await this.#controls.revokeSession(claims.sid);
      const checked = this.#controls.settings().checkSessionOnRequests;
      return checked ? ACTION_MESSAGES.revoked : ACTION_MESSAGES.revokedStateless;
    });
  }

  protected replayPreviousRefreshToken(): Promise<void> {
    return this.#run(async () => {
      try {
        await this.#store.replayPreviousRefreshToken();
        return ACTION_MESSAGES.replayAccepted;
      } catch (error) {
        return `The server refused the replayed token: ${httpErrorMessage(error)}`;
      }
    });
  }

  protected resetServer(): Promise<void> {
    return this.#run(async () => {
      await this.#store.signOut();
      await this.#controls.reset();
      return ACTION_MESSAGES.reset;
    });
  }

  /** Runs one action at a time and shows its outcome (or its error) in the status line. */
  async #run(action: () => Promise<string>): Promise<void> {
    this.busy.set(true);
    this.message.set('');
    try {
      this.message.set(await action());
    } catch (error) {
      this.message.set(error instanceof Error ? error.message : httpErrorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}

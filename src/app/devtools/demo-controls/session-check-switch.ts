import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';

import { DemoServerControls } from '../../mock-api/demo-server-controls';
import { SESSION_CHECK_LABEL } from '../../mock-api/server-settings';
import { DevtoolsNote } from '../devtools-note';

/** What the switch means in each position, shown under it. */
export const SESSION_CHECK_HINTS = {
  on:
    'On: every protected request also looks up the access token’s session, so a sign-out or a ' +
    'revoked session stops its access token at once.',
  off:
    'Off: access tokens are checked by signature and expiry only; a signed-out or revoked ' +
    'session’s access token works until it expires.',
} as const;

/**
 * **Check the session on every request**: the server's `checkSessionOnRequests` setting, applied
 * at once (no Apply button: a switch has no half-typed value). It follows the server, so a change
 * from another tab or a reset shows here too.
 */
@Component({
  selector: 'app-session-check-switch',
  imports: [DevtoolsNote],
  template: `
    <div class="form-check form-switch mb-0 mt-2">
      <input
        id="devtools-session-check"
        class="form-check-input"
        type="checkbox"
        role="switch"
        aria-describedby="devtools-session-check-hint"
        [checked]="on()"
        (change)="toggle($event)"
      />
      <label class="form-check-label small" for="devtools-session-check">{{ label }}</label>
    </div>
    <div id="devtools-session-check-hint" class="form-text mt-0">{{ hint() }}</div>
    <div class="small text-danger-emphasis" role="status">{{ status() }}</div>
    <app-devtools-note>
      <p>
        <strong>Stateless access tokens</strong> (the switch off) are checked by signature and
        expiry alone, so the server looks nothing up per request. The cost: signing out, revoking a
        session or a newer sign-in evicting one stops only its refresh token; its access token keeps
        working until it expires, up to its lifetime (30 s by default here, often 5 to 60 minutes in
        real systems).
      </p>
      <p>
        <strong>The session check</strong> (on, the default) looks up the token's session
        (<code>sid</code>) on every protected request and refuses it once the session has ended
        (<code>authenticate</code> in <code>src/app/mock-api/require-auth.ts</code>), as RFC 7009
        §2.1 asks of a revoked refresh token's access tokens. The cost: state on every request, one
        session lookup each time, which a real API pays as a database or cache read and must keep in
        step across its servers.
      </p>
    </app-devtools-note>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionCheckSwitch {
  readonly #controls = inject(DemoServerControls);

  protected readonly label = SESSION_CHECK_LABEL;
  protected readonly on = computed(() => this.#controls.settings().checkSessionOnRequests);
  protected readonly hint = computed(() =>
    this.on() ? SESSION_CHECK_HINTS.on : SESSION_CHECK_HINTS.off,
  );
  protected readonly status = signal('');

  protected async toggle(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    try {
      this.status.set('');
      await this.#controls.setCheckSessionOnRequests(input.checked);
    } catch (error) {
      input.checked = this.on();
      this.status.set(error instanceof Error ? error.message : String(error));
    }
  }
}

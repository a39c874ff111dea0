import { ChangeDetectionStrategy, Component, inject } from '@angular/core';

import { AuthStore } from '../../auth/auth-store';
import { TabIdentity } from '../../auth/tab-identity';
import { DevtoolsNote } from '../devtools-note';

/**
 * Several tabs: this tab's id (and the tab it was duplicated from), a warning when the browser
 * has no Web Locks, and how the tabs share one session.
 */
@Component({
  selector: 'app-tab-info',
  imports: [DevtoolsNote],
  template: `
    <p class="small mb-1">
      This tab: <code data-testid="tab-id">{{ tabId() }}</code>
      @if (copiedFrom(); as original) {
        (a duplicate of tab <code>{{ original }}</code>, which kept the copied session)
      }
    </p>
    @if (!crossTabLocking) {
      <p class="alert alert-warning small py-1 px-2 mb-1" data-testid="no-web-locks">
        This browser has no Web Locks (<code>navigator.locks</code>), so tabs cannot take turns to
        refresh: the app is safe in one tab, but two tabs refreshing at the same moment present the
        same refresh token twice and the server ends the session. Keep to one tab, or set a reuse
        grace.
      </p>
    }
    <app-devtools-note>
      <p>
        With localStorage all tabs share one session. A refresh runs under the Web Lock
        <code>auth:refresh</code> and first re-reads storage, so when several tabs find their token
        expired only one calls the server; the others take the new pair (their requests are tagged
        <em>from other tab</em>). Sign-in, sign-out and a forced sign-out reach every tab at once
        through <code>storage</code> events (<code>src/app/auth/tab-sync.ts</code>).
      </p>
      <p>
        sessionStorage and memory keep one session per tab. A duplicated tab copies sessionStorage,
        refresh token included; it recognises itself by this tab id (a Web Lock per id,
        <code>src/app/auth/tab-identity.ts</code>) and starts signed out instead of using the
        original's token, which would end both sessions at the next rotation.
      </p>
    </app-devtools-note>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TabInfo {
  readonly #tab = inject(TabIdentity);

  protected readonly tabId = this.#tab.id;
  protected readonly copiedFrom = this.#tab.copiedFrom;
  protected readonly crossTabLocking = inject(AuthStore).crossTabLocking;
}

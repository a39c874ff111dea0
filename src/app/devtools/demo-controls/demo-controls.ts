import { ChangeDetectionStrategy, Component } from '@angular/core';

import { ClientAuthControls } from './client-auth-controls';
import { DevtoolsNote } from '../devtools-note';
import { ParallelRequests } from './parallel-requests';
import { RefreshFailureControl } from './refresh-failure-control';
import { ServerSettingsForm } from './server-settings-form';
import { ServerRepairNotice } from './server-repair-notice';
import { SessionActions } from './session-actions';
import { SessionCheckSwitch } from './session-check-switch';
import { TabInfo } from './tab-info';

/**
 * The demo controls panel: the server's knobs (and its notice of a repaired stored state),
 * failures on purpose, and the client's switches.
 */
@Component({
  selector: 'app-demo-controls',
  imports: [
    ServerRepairNotice,
    ServerSettingsForm,
    SessionCheckSwitch,
    RefreshFailureControl,
    SessionActions,
    ParallelRequests,
    ClientAuthControls,
    DevtoolsNote,
    TabInfo,
  ],
  template: `
    <h3 class="h6 devtools-heading">Demo controls</h3>
    <h4 class="demo-group">Server</h4>
    <app-server-repair-notice />
    <app-server-settings-form />
    <app-session-check-switch />
    <div class="mt-2"><app-refresh-failure-control /></div>
    <h4 class="demo-group">Session</h4>
    <app-session-actions />
    <h4 class="demo-group">Many requests at once</h4>
    <app-parallel-requests />
    <h4 class="demo-group">Client</h4>
    <app-client-auth-controls />
    <h4 class="demo-group">Tabs</h4>
    <app-tab-info />
    <app-devtools-note>
      <p>
        The server knobs call <code>DemoServerControls</code>
        (<code>src/app/mock-api/demo-server-controls.ts</code>): the in-browser server's settings,
        not HTTP endpoints. Expiring and revoking happen on the server, so the client only finds out
        from its next request (<code>src/app/auth/auth-interceptor.ts</code>) or refresh
        (<code>src/app/auth/refresh-coordinator.ts</code>). The refresh switch and the storage
        choice are
        <code>src/app/auth/auth-settings.ts</code> and <code>src/app/auth/token-storage.ts</code>.
        This panel is <code>src/app/devtools/demo-controls/demo-controls.ts</code>.
      </p>
      <p>
        When the server finds its stored data damaged, it drops or replaces only what is bad
        (<code>src/app/mock-api/state-repair.ts</code>), keeps a copy of the stored text under a
        <code>mock-api:backup:</code> key and says so at the top of the Server group.
      </p>
      <p>
        <strong>Reuse grace</strong>: a refresh token presented again within that many seconds of
        its rotation gets the same successor instead of ending the session. Real servers offer it
        because a refresh answer can be lost (a dropped connection, a tab closed mid-request) or two
        tabs or devices can race, and strict reuse detection would then sign a real user out. The
        cost: for those seconds a stolen, already-used refresh token is not detected and buys the
        thief a valid token pair too. 0 (the default) is strict; this app needs no grace between its
        own tabs because they take turns under a lock.
      </p>
    </app-devtools-note>
  `,
  styles: `
    .demo-group {
      font-size: 0.8125rem;
      font-weight: 700;
      margin: 0.75rem 0 0.25rem;
      color: var(--bs-secondary-color);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DemoControls {}

import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { AuthStore } from '../auth/auth-store';

/** Where the role guard sends a signed-in user who lacks the admin role. They stay signed in. */
@Component({
  selector: 'app-forbidden-page',
  imports: [RouterLink],
  template: `
    <h1>Forbidden</h1>
    <p>
      This page needs the <strong>admin</strong> role.
      @if (user(); as user) {
        You are signed in as <strong>{{ user.displayName }}</strong> ({{ user.username }}), whose
        account does not have it.
      }
    </p>
    <p>You are still signed in; sign in with an admin account to see the admin page.</p>
    <a class="btn btn-primary" routerLink="/dashboard">Go to the dashboard</a>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export default class ForbiddenPage {
  protected readonly user = inject(AuthStore).user;
}

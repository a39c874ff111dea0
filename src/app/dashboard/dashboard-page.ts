import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { AuthStore } from '../auth/auth-store';
import { AdminApiProbe } from './admin-api-probe';
import { TodoList } from './todo-list';

/** `/dashboard`: a greeting, the user's todos, and a button that shows what a 403 looks like. */
@Component({
  selector: 'app-dashboard-page',
  imports: [RouterLink, TodoList, AdminApiProbe],
  template: `
    <h1>Dashboard</h1>
    <p class="lead">{{ greeting() }}</p>
    <p>
      Every change below is a protected API call with your access token. Let the token run out (or
      expire it in the Auth devtools) and keep working: the app refreshes it and retries, and you
      stay signed in. Your account details are on your
      <a routerLink="/profile">profile</a>.
    </p>
    <div class="row g-4">
      <div class="col-12 col-lg-7"><app-todo-list /></div>
      <div class="col-12 col-lg-5"><app-admin-api-probe /></div>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export default class DashboardPage {
  readonly #user = inject(AuthStore).user;

  protected readonly greeting = computed(() => {
    const name = this.#user()?.displayName;
    return name ? `Hello, ${name}!` : 'Hello!';
  });
}

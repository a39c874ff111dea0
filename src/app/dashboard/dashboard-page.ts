import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';

import { AuthStore } from '../auth/auth-store';
import { AdminApiProbe } from './admin-api-probe';
import { TodoList } from './todo-list';

/** `/dashboard`: a greeting, a button that shows what a 403 looks like, and the user's todos. */
@Component({
  selector: 'app-dashboard-page',
  imports: [RouterLink, TodoList, AdminApiProbe],
  template: `
    <h1>Dashboard</h1>
    <p class="lead">{{ greeting() }}</p>
    <p>
      Every change to your todos is a protected API call with your access token. Let the token run
      out (or expire it in the Auth devtools) and keep working: the app refreshes it and retries,
      and you stay signed in. Your account details are on your
      <a routerLink="/profile">profile</a>.
    </p>
    <!-- The 403 demo comes first: stacked on a phone, the todo list grows when it has loaded and
         would push anything below it down (a layout shift). -->
    <div class="row g-4">
      <div class="col-12 col-lg-5"><app-admin-api-probe /></div>
      <div class="col-12 col-lg-7"><app-todo-list /></div>
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

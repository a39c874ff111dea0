import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';

import { DateTimePipe } from '../layout/date-time-pipe';
import { LoadError } from '../layout/load-error';
import { remoteData } from '../layout/remote-data';
import { AdminApi } from './admin-api';

/** `/admin` (admin role only, see `adminGuard`): every user and their active sessions. */
@Component({
  selector: 'app-admin-page',
  imports: [DateTimePipe, LoadError],
  templateUrl: './admin-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export default class AdminPage {
  readonly #api = inject(AdminApi);

  protected readonly users = remoteData(() => this.#api.listUsers());
  protected readonly loading = computed(() => this.users.state() === 'loading');
  protected readonly failed = computed(() => this.users.state() === 'failed');
  protected readonly rows = computed(() =>
    (this.users.value() ?? []).map((user) => ({ ...user, roleList: user.roles.join(', ') })),
  );
  protected readonly caption = computed(() => {
    const count = this.rows().length;
    return `${count} ${count === 1 ? 'user' : 'users'}`;
  });

  constructor() {
    void this.users.reload();
  }
}

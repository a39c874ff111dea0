import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { tap } from 'rxjs';

import { AuthStore } from '../auth/auth-store';
import { DateTimePipe } from '../layout/date-time-pipe';
import { LoadError } from '../layout/load-error';
import { LoadingStatus } from '../layout/loading-status';
import { remoteData } from '../layout/remote-data';
import { DisplayNameForm } from './display-name-form';
import { ProfileApi } from './profile-api';
import { TokenClaimsTable } from './token-claims-table';

/**
 * `/profile`: the decoded claims of both tokens (read live from `AuthStore`, so a refresh shows
 * up at once), then the user as `GET api/users/me` returns it and a form to change the display
 * name.
 */
@Component({
  selector: 'app-profile-page',
  imports: [DateTimePipe, DisplayNameForm, LoadError, LoadingStatus, TokenClaimsTable],
  templateUrl: './profile-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export default class ProfilePage {
  readonly #store = inject(AuthStore);
  readonly #api = inject(ProfileApi);

  /** The server's copy of the user; each answer also refreshes the navbar's name. */
  protected readonly me = remoteData(() =>
    this.#api.me().pipe(tap((user) => this.#store.setUser(user))),
  );
  protected readonly roles = computed(() => this.me.value()?.roles.join(', ') ?? '');
  protected readonly accessToken = this.#store.accessToken;
  protected readonly refreshToken = this.#store.refreshToken;

  constructor() {
    void this.me.reload();
  }
}

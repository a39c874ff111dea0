import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';

import { AdminApi } from '../admin/admin-api';
import { httpErrorMessage } from '../http-error-message';

/** What the last call to the admin API showed: how it ended and the sentence to show. */
interface ProbeResult {
  readonly kind: 'allowed' | 'forbidden' | 'failed';
  readonly text: string;
}

/**
 * The "Call the admin API" demo: `GET api/admin/users` as whoever is signed in. Without the admin
 * role the server answers 403, which the interceptor passes through untouched: no refresh, no
 * sign-out, just a permission message.
 */
@Component({
  selector: 'app-admin-api-probe',
  templateUrl: './admin-api-probe.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminApiProbe {
  readonly #api = inject(AdminApi);

  protected readonly calling = signal(false);
  protected readonly result = signal<ProbeResult | null>(null);

  protected async callAdminApi(): Promise<void> {
    this.calling.set(true);
    this.result.set(null);
    try {
      const users = await firstValueFrom(this.#api.listUsers());
      const text = `You have the admin role: the server listed ${users.length} users.`;
      this.result.set({ kind: 'allowed', text });
    } catch (error) {
      const forbidden = error instanceof HttpErrorResponse && error.status === 403;
      this.result.set({ kind: forbidden ? 'forbidden' : 'failed', text: httpErrorMessage(error) });
    } finally {
      this.calling.set(false);
    }
  }
}

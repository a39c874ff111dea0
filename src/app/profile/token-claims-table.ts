import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { JwtHelperService } from '@auth0/angular-jwt';

import { decodeClaims } from '../auth/token-claims';
import { DateTimePipe } from '../layout/date-time-pipe';
import { claimRows } from './claim-rows';

/** The decoded payload of one token as a table; it follows the token through every refresh. */
@Component({
  selector: 'app-token-claims-table',
  imports: [DateTimePipe],
  template: `
    <h3 class="h6" [id]="headingId()">{{ heading() }}</h3>
    @if (rows().length > 0) {
      <div class="table-responsive" tabindex="0" role="region" [attr.aria-labelledby]="headingId()">
        <table class="table table-sm align-middle" [attr.aria-labelledby]="headingId()">
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Value</th>
              <th scope="col">Meaning</th>
            </tr>
          </thead>
          <tbody>
            @for (row of rows(); track row.name) {
              <tr>
                <th scope="row">
                  <code class="text-body">{{ row.name }}</code>
                </th>
                <td class="text-break">
                  {{ row.value }}
                  @if (row.time) {
                    <div class="small text-body-secondary">{{ row.time | dateTime }}</div>
                  }
                </td>
                <td>{{ row.meaning }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    } @else {
      <p class="text-body-secondary">{{ emptyText() }}</p>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TokenClaimsTable {
  readonly #jwt = inject(JwtHelperService);

  readonly heading = input.required<string>();
  readonly token = input.required<string | null>();

  protected readonly headingId = computed(() => this.heading().toLowerCase().replace(/\W+/g, '-'));
  protected readonly rows = computed(() => claimRows(decodeClaims(this.#jwt, this.token())));
  protected readonly emptyText = computed(() => `No ${this.heading().toLowerCase()}: signed out.`);
}

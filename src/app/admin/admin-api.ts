import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { API_PATHS, AdminUserRow } from '../api-contract';

/** The admin-only endpoint: every user with their number of active sessions (403 without the role). */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  readonly #http = inject(HttpClient);

  listUsers(): Observable<AdminUserRow[]> {
    return this.#http.get<AdminUserRow[]>(API_PATHS.adminUsers);
  }
}

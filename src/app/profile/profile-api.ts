import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { API_PATHS, UpdateProfileRequest, User } from '../api-contract';

/** The signed-in user's own profile: `GET` and `PATCH api/users/me`. */
@Injectable({ providedIn: 'root' })
export class ProfileApi {
  readonly #http = inject(HttpClient);

  me(): Observable<User> {
    return this.#http.get<User>(API_PATHS.me);
  }

  updateDisplayName(displayName: string): Observable<User> {
    const body: UpdateProfileRequest = { displayName };
    return this.#http.patch<User>(API_PATHS.me, body);
  }
}

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

import { API_PATHS, CreateTodoRequest, Todo, UpdateTodoRequest } from '../api-contract';

/** The server's longest todo title (`todo-handlers.ts`), checked by the form first. */
export const TODO_TITLE_MAX = 200;

/** The HTTP calls for the signed-in user's todos (the interceptor attaches the token). */
@Injectable({ providedIn: 'root' })
export class TodosApi {
  readonly #http = inject(HttpClient);

  list(): Observable<Todo[]> {
    return this.#http.get<Todo[]>(API_PATHS.todos);
  }

  create(title: string): Observable<Todo> {
    const body: CreateTodoRequest = { title };
    return this.#http.post<Todo>(API_PATHS.todos, body);
  }

  update(id: string, changes: UpdateTodoRequest): Observable<Todo> {
    return this.#http.patch<Todo>(todoUrl(id), changes);
  }

  remove(id: string): Observable<void> {
    return this.#http.delete<void>(todoUrl(id));
  }
}

function todoUrl(id: string): string {
  return `${API_PATHS.todos}/${encodeURIComponent(id)}`;
}

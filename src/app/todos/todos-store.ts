import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Observable, firstValueFrom } from 'rxjs';

import { Todo } from '../api-contract';
import { httpErrorMessage } from '../http-error-message';
import { remoteData } from '../layout/remote-data';
import { TodosApi } from './todos-api';

/**
 * The dashboard's todo list: loads it, adds, completes and deletes todos, and keeps what the page
 * needs to show (loading and error states, which rows are busy, the last failed action).
 * Provided by the page, so each visit starts fresh. Changes are applied when the server confirms.
 */
@Injectable()
export class TodosStore {
  readonly #api = inject(TodosApi);
  readonly #list = remoteData(() => this.#api.list());
  readonly #busyIds = signal<ReadonlySet<string>>(new Set());
  readonly #adding = signal(false);
  readonly #actionError = signal<string | null>(null);

  readonly todos = computed(() => this.#list.value() ?? []);
  readonly state = this.#list.state;
  readonly loadError = this.#list.error;
  readonly busyIds = this.#busyIds.asReadonly();
  readonly adding = this.#adding.asReadonly();
  /** Why the last add, update or delete failed; cleared by the next action. */
  readonly actionError = this.#actionError.asReadonly();
  readonly openCount = computed(() => this.todos().filter((todo) => !todo.done).length);

  load(): Promise<void> {
    return this.#list.reload();
  }

  /** Resolves to true when the todo was added. */
  async add(title: string): Promise<boolean> {
    this.#adding.set(true);
    const added = await this.#run('add the todo', this.#api.create(title.trim()));
    this.#adding.set(false);
    if (added) this.#list.set([...this.todos(), added.value]);
    return added !== null;
  }

  /** Resolves to true when the server saved the change. */
  async setDone(todo: Todo, done: boolean): Promise<boolean> {
    const updated = await this.#withBusy(todo, this.#api.update(todo.id, { done }), 'update');
    if (updated) this.#replace(todo.id, [updated.value]);
    return updated !== null;
  }

  async remove(todo: Todo): Promise<void> {
    const deleted = await this.#withBusy(todo, this.#api.remove(todo.id), 'delete');
    if (deleted) this.#replace(todo.id, []);
  }

  dismissError(): void {
    this.#actionError.set(null);
  }

  async #withBusy<T>(todo: Todo, call: Observable<T>, verb: string): Promise<Answer<T> | null> {
    this.#busyIds.update((ids) => new Set(ids).add(todo.id));
    const result = await this.#run(`${verb} "${todo.title}"`, call);
    this.#busyIds.update((ids) => new Set([...ids].filter((id) => id !== todo.id)));
    return result;
  }

  /** The call's answer, or null after recording why it failed. */
  async #run<T>(what: string, call: Observable<T>): Promise<Answer<T> | null> {
    this.#actionError.set(null);
    try {
      return { value: await firstValueFrom(call) };
    } catch (error) {
      this.#actionError.set(`Could not ${what}: ${httpErrorMessage(error)}`);
      // Someone else changed the list (another tab): show the server's current list.
      if (error instanceof HttpErrorResponse && error.status === 404) void this.load();
      return null;
    }
  }

  #replace(id: string, replacement: Todo[]): void {
    this.#list.set(this.todos().flatMap((todo) => (todo.id === id ? replacement : [todo])));
  }
}

/** A successful answer (its value may be empty, as for a 204). */
interface Answer<T> {
  readonly value: T;
}

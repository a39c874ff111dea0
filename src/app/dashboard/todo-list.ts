import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';

import { Todo } from '../api-contract';
import { FieldState } from '../layout/field-state';
import { FormField } from '../layout/form-field';
import { LoadError } from '../layout/load-error';
import { LoadingStatus } from '../layout/loading-status';
import { fieldError, notBlank } from '../layout/form-feedback';
import { TODO_TITLE_MAX } from '../todos/todos-api';
import { TodosStore } from '../todos/todos-store';

/** The dashboard's todo list: add, mark done, delete, with loading, empty and error states. */
@Component({
  selector: 'app-todo-list',
  imports: [ReactiveFormsModule, FormField, FieldState, LoadError, LoadingStatus],
  providers: [TodosStore],
  templateUrl: './todo-list.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TodoList {
  protected readonly store = inject(TodosStore);

  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [notBlank, Validators.maxLength(TODO_TITLE_MAX)]],
  });
  /** The title's error shows only after "Add" was pressed, not when the field loses focus. */
  readonly #attempted = signal(false);
  protected readonly titleError = fieldError(
    this.form.controls.title,
    { required: 'Type the todo first.', maxlength: `At most ${TODO_TITLE_MAX} characters.` },
    () => this.#attempted(),
  );

  /** What the list area shows: the list itself whenever there is one, even during a reload. */
  protected readonly view = computed(() => {
    if (this.store.todos().length > 0) return 'list';
    return this.store.state() === 'loaded' ? 'empty' : this.store.state();
  });
  protected readonly rows = computed(() =>
    this.store.todos().map((todo) => ({
      todo,
      inputId: `todo-${todo.id}`,
      busy: this.store.busyIds().has(todo.id),
      deleteLabel: `Delete "${todo.title}"`,
    })),
  );
  protected readonly summary = computed(() => {
    const total = this.store.todos().length;
    return `${this.store.openCount()} of ${total} open`;
  });

  constructor() {
    void this.store.load();
  }

  protected async add(): Promise<void> {
    this.#attempted.set(true);
    if (this.form.invalid || this.store.adding()) return;
    if (await this.store.add(this.form.controls.title.value)) {
      this.#attempted.set(false);
      this.form.reset();
    }
  }

  protected async setDone(todo: Todo, event: Event): Promise<void> {
    const checkbox = event.target as HTMLInputElement;
    const saved = await this.store.setDone(todo, checkbox.checked);
    if (!saved) checkbox.checked = todo.done;
  }
}

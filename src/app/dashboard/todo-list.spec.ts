import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { API_PATHS, Todo } from '../api-contract';
import { byText, query, settled, textOf, typeInto } from '../layout/testing/dom';
import { TodoList } from './todo-list';

const MILK: Todo = { id: 't1', title: 'Buy milk', done: false, createdAt: '2025-01-01T00:00:00Z' };
const BREAD: Todo = {
  id: 't2',
  title: 'Bake bread',
  done: true,
  createdAt: '2025-01-02T00:00:00Z',
};

describe('TodoList', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(todos: Todo[] | 'fail' = [MILK, BREAD]) {
    const fixture = TestBed.createComponent(TodoList);
    await fixture.whenStable();
    const list = fixture.nativeElement as HTMLElement;
    const loading = textOf(list.querySelector('[role="status"]'));
    const request = http.expectOne(API_PATHS.todos);
    if (todos === 'fail') request.error(new ProgressEvent('error'));
    else request.flush(todos);
    await settled(fixture);
    return { fixture, list, loading };
  }

  it('shows a loading state, then each todo with a labelled checkbox and delete button', async () => {
    const { list, loading } = await render();

    expect(loading).toBe('Loading your todos…');
    const items = Array.from(list.querySelectorAll('li'));
    expect(items.map((item) => textOf(item.querySelector('label')))).toEqual([
      'Buy milk',
      'Bake bread',
    ]);
    const checkboxes = items.map((item) => query<HTMLInputElement>(item, 'input'));
    expect(checkboxes.map((box) => box.checked)).toEqual([false, true]);
    expect(textOf(items[1])).toContain('Done');
    expect(query(items[0], 'button').getAttribute('aria-label')).toBe('Delete "Buy milk"');
    expect(textOf(list)).toContain('1 of 2 open');
  });

  it('says so when there are no todos', async () => {
    const { list } = await render([]);

    expect(textOf(list)).toContain('No todos yet.');
    expect(list.querySelector('ul')).toBeNull();
  });

  it('shows a failed load with a way to try again', async () => {
    const { fixture, list } = await render('fail');

    expect(textOf(query(list, '[role="alert"]'))).toContain(
      'Could not load your todos: Could not reach the server.',
    );
    byText(list, 'button', 'Try again').click();
    http.expectOne(API_PATHS.todos).flush([MILK]);
    await settled(fixture);

    expect(list.querySelector('[role="alert"]')).toBeNull();
    expect(list.querySelectorAll('li').length).toBe(1);
  });

  it('asks for a title instead of adding an empty todo', async () => {
    const { fixture, list } = await render();

    typeInto(list, '#new-todo', '   ');
    await fixture.whenStable();
    expect(list.querySelector('#new-todo-error')).toBeNull();
    byText(list, 'button', 'Add').click();
    await fixture.whenStable();

    expect(textOf(query(list, '#new-todo-error'))).toBe('Type the todo first.');
    expect(query(list, '#new-todo').getAttribute('aria-invalid')).toBe('true');
    http.expectNone({ method: 'POST' });
  });

  it('adds a todo, then empties the field', async () => {
    const { fixture, list } = await render([MILK]);

    typeInto(list, '#new-todo', 'Walk the dog');
    byText(list, 'button', 'Add').click();
    await fixture.whenStable();
    expect(query<HTMLButtonElement>(list, 'button[type="submit"]').disabled).toBeTrue();
    http
      .expectOne({ method: 'POST', url: API_PATHS.todos })
      .flush({ ...MILK, id: 't3', title: 'Walk the dog' });
    await settled(fixture);

    expect(Array.from(list.querySelectorAll('li label')).map((label) => textOf(label))).toEqual([
      'Buy milk',
      'Walk the dog',
    ]);
    expect(query<HTMLInputElement>(list, '#new-todo').value).toBe('');
    expect(list.querySelector('#new-todo-error')).toBeNull();
  });

  it('marks a todo done through its checkbox', async () => {
    const { fixture, list } = await render([MILK]);

    query<HTMLInputElement>(list, '#todo-t1').click();
    await fixture.whenStable();
    expect(query<HTMLInputElement>(list, '#todo-t1').disabled).toBeTrue();
    const request = http.expectOne(`${API_PATHS.todos}/t1`);
    expect(request.request.body).toEqual({ done: true });
    request.flush({ ...MILK, done: true });
    await settled(fixture);

    expect(query<HTMLInputElement>(list, '#todo-t1').checked).toBeTrue();
    expect(textOf(query(list, 'li'))).toContain('Done');
  });

  it('puts the checkbox back and shows an alert when the change fails', async () => {
    const { fixture, list } = await render([MILK]);

    query<HTMLInputElement>(list, '#todo-t1').click();
    http.expectOne(`${API_PATHS.todos}/t1`).error(new ProgressEvent('error'));
    await settled(fixture);

    expect(query<HTMLInputElement>(list, '#todo-t1').checked).toBeFalse();
    const alert = query(list, '[role="alert"]');
    expect(textOf(alert)).toContain('Could not update "Buy milk"');
    query(alert, 'button[aria-label="Dismiss"]').click();
    await fixture.whenStable();
    expect(list.querySelector('[role="alert"]')).toBeNull();
  });

  it('deletes a todo', async () => {
    const { fixture, list } = await render();

    query(list, 'button[aria-label="Delete \\"Bake bread\\""]').click();
    http.expectOne({ method: 'DELETE', url: `${API_PATHS.todos}/t2` }).flush(null);
    await settled(fixture);

    expect(Array.from(list.querySelectorAll('li label')).map((label) => textOf(label))).toEqual([
      'Buy milk',
    ]);
  });
});

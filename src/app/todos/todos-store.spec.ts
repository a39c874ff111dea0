import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { API_PATHS, Todo } from '../api-contract';
import { TodosStore } from './todos-store';

const MILK: Todo = { id: 't1', title: 'Buy milk', done: false, createdAt: '2025-01-01T00:00:00Z' };
const BREAD: Todo = {
  id: 't2',
  title: 'Bake bread',
  done: true,
  createdAt: '2025-01-02T00:00:00Z',
};

describe('TodosStore', () => {
  let store: TodosStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), TodosStore],
    });
    store = TestBed.inject(TodosStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function loaded(todos: Todo[] = [MILK, BREAD]): Promise<void> {
    const load = store.load();
    expect(store.state()).toBe('loading');
    http.expectOne(API_PATHS.todos).flush(todos);
    await load;
  }

  it('loads the list and counts the open todos', async () => {
    await loaded();

    expect(store.state()).toBe('loaded');
    expect(store.todos()).toEqual([MILK, BREAD]);
    expect(store.openCount()).toBe(1);
  });

  it('reports a failed load with a sentence and recovers on the next load', async () => {
    const load = store.load();
    http.expectOne(API_PATHS.todos).flush(null, { status: 500, statusText: 'Server Error' });
    await load;
    expect(store.state()).toBe('failed');
    expect(store.loadError()).toBe('The server ran into a problem. Please try again in a moment.');

    await loaded();
    expect(store.state()).toBe('loaded');
    expect(store.loadError()).toBeNull();
  });

  it('adds a trimmed todo at the end once the server created it', async () => {
    await loaded([MILK]);

    const added = store.add('  Walk the dog ');
    expect(store.adding()).toBeTrue();
    const request = http.expectOne({ method: 'POST', url: API_PATHS.todos });
    expect(request.request.body).toEqual({ title: 'Walk the dog' });
    const dog: Todo = { ...MILK, id: 't3', title: 'Walk the dog' };
    request.flush(dog, { status: 201, statusText: 'Created' });

    expect(await added).toBeTrue();
    expect(store.adding()).toBeFalse();
    expect(store.todos()).toEqual([MILK, dog]);
  });

  it('marks a todo done and shows it busy until the server answers', async () => {
    await loaded();

    const saved = store.setDone(MILK, true);
    expect(store.busyIds().has('t1')).toBeTrue();
    const request = http.expectOne({ method: 'PATCH', url: `${API_PATHS.todos}/t1` });
    expect(request.request.body).toEqual({ done: true });
    request.flush({ ...MILK, done: true });

    expect(await saved).toBeTrue();
    expect(store.busyIds().size).toBe(0);
    expect(store.todos()[0].done).toBeTrue();
    expect(store.openCount()).toBe(0);
  });

  it('deletes a todo after the server confirmed it (204)', async () => {
    await loaded();

    const removed = store.remove(BREAD);
    http.expectOne({ method: 'DELETE', url: `${API_PATHS.todos}/t2` }).flush(null, {
      status: 204,
      statusText: 'No Content',
    });
    await removed;

    expect(store.todos()).toEqual([MILK]);
    expect(store.actionError()).toBeNull();
  });

  it('keeps the list as it was and says what failed when a change is refused', async () => {
    await loaded();

    const saved = store.setDone(MILK, true);
    http.expectOne(`${API_PATHS.todos}/t1`).error(new ProgressEvent('error'));

    expect(await saved).toBeFalse();
    expect(store.todos()).toEqual([MILK, BREAD]);
    expect(store.actionError()).toBe(
      'Could not update "Buy milk": Could not reach the server. Check your connection and try again.',
    );
    store.dismissError();
    expect(store.actionError()).toBeNull();
  });

  it('reloads the list when a todo is gone from the server (404)', async () => {
    await loaded();

    const removed = store.remove(BREAD);
    http
      .expectOne(`${API_PATHS.todos}/t2`)
      .flush(
        { error: 'not_found', message: 'You have no todo with id "t2".' },
        { status: 404, statusText: 'Not Found' },
      );
    await removed;

    expect(store.actionError()).toBe(
      'Could not delete "Bake bread": You have no todo with id "t2".',
    );
    http.expectOne({ method: 'GET', url: API_PATHS.todos }).flush([MILK]);
    await new Promise((resolve) => setTimeout(resolve));
    expect(store.todos()).toEqual([MILK]);
  });
});

import { TestBed } from '@angular/core/testing';

import { ActivityLog, ActivityStart, MAX_ACTIVITY_ROWS } from './activity-log';

function request(overrides: Partial<ActivityStart> = {}): ActivityStart {
  return { startedAt: 1_000, method: 'GET', path: '/api/todos', refreshId: null, ...overrides };
}

describe('ActivityLog', () => {
  let log: ActivityLog;

  beforeEach(() => {
    log = TestBed.inject(ActivityLog);
  });

  it('adds a pending row first and completes it with status, duration and detail', () => {
    const first = log.start(request({ path: '/api/users/me' }));
    const second = log.start(request({ startedAt: 1_500, tags: ['bearer'] }));

    expect(log.rows().map((row) => row.id)).toEqual([second, first]);
    expect(log.rows()[0]).toEqual(
      jasmine.objectContaining({ status: null, durationMs: null, tags: ['bearer'] }),
    );

    log.finish(second, {
      status: 500,
      finishedAt: 1_740,
      detail: 'The server ran into a problem.',
    });

    expect(log.rows()[0]).toEqual(
      jasmine.objectContaining({
        status: 500,
        durationMs: 240,
        detail: 'The server ran into a problem.',
        tags: ['bearer'],
      }),
    );
    expect(log.rows()[1].status).toBeNull();
  });

  it('tags a 401 response with "401" and counts it', () => {
    const id = log.start(request({ tags: ['bearer'] }));
    expect(log.counters().unauthorized).toBe(0);

    log.finish(id, { status: 401, finishedAt: 1_100 });

    expect(log.rows()[0].tags).toEqual(['bearer', '401']);
    expect(log.counters().unauthorized).toBe(1);
  });

  it('counts requests, refresh calls and retries from the tags', () => {
    log.start(request({ tags: ['bearer'] }));
    log.start(
      request({ method: 'POST', path: '/api/auth/refresh', tags: ['refresh'], refreshId: 1 }),
    );
    log.start(request({ tags: ['bearer', 'retried'], refreshId: 1 }));
    log.start(request({ tags: ['bearer', 'retried', 'queued'], refreshId: 1 }));

    expect(log.counters()).toEqual({ requests: 4, unauthorized: 0, refreshes: 1, retries: 2 });
    expect(log.counters().requests).toBe(4);
    expect(log.counters().refreshes).toBe(1);
    expect(log.counters().retries).toBe(2);
  });

  it(`keeps only the newest ${MAX_ACTIVITY_ROWS} rows but keeps counting past them`, () => {
    const ids: number[] = [];
    for (let i = 0; i < MAX_ACTIVITY_ROWS + 5; i++) {
      ids.push(log.start(request({ tags: i % 2 ? ['retried'] : ['refresh'] })));
    }

    expect(log.rows().length).toBe(MAX_ACTIVITY_ROWS);
    expect(log.rows()[0].id).toBe(ids[ids.length - 1]);
    expect(log.rows()[MAX_ACTIVITY_ROWS - 1].id).toBe(ids[5]);
    expect(log.counters().requests).toBe(MAX_ACTIVITY_ROWS + 5);
    expect(log.counters().refreshes + log.counters().retries).toBe(MAX_ACTIVITY_ROWS + 5);

    // A request that fell off the end still counts its late 401.
    log.finish(ids[0], { status: 401, finishedAt: 2_000 });
    expect(log.counters().unauthorized).toBe(1);
    expect(log.rows().some((row) => row.id === ids[0])).toBeFalse();
  });

  it('files a 401 under the refresh it led to, once, and not after a Clear', () => {
    const first = log.start(request({ tags: ['bearer'] }));
    const other = log.start(request({ path: '/api/users/me' }));
    log.finish(first, { status: 401, finishedAt: 1_100 });

    log.fileUnderRefresh(first, 4);
    log.fileUnderRefresh(first, 5);

    expect(log.rows().map((row) => [row.id, row.refreshId])).toEqual([
      [other, null],
      [first, 4],
    ]);

    log.clear();
    log.fileUnderRefresh(other, 6);
    expect(log.rows()).toEqual([]);
  });

  it('Clear empties the rows, resets the counters and ignores late outcomes', () => {
    const pending = log.start(request({ tags: ['refresh'] }));
    const done = log.start(request());
    log.finish(done, { status: 401, finishedAt: 1_200 });

    log.clear();

    expect(log.rows()).toEqual([]);
    expect(log.counters()).toEqual({ requests: 0, unauthorized: 0, refreshes: 0, retries: 0 });

    log.finish(pending, { status: 401, finishedAt: 1_300 });
    expect(log.rows()).toEqual([]);
    expect(log.counters().unauthorized).toBe(0);

    log.start(request());
    expect(log.counters().requests).toBe(1);
  });

  it('accepts tags from other sources and adds outcome tags once', () => {
    const id = log.start(request({ tags: ['from other tab'] }));
    log.finish(id, { status: 401, finishedAt: 1_010, tags: ['401'] });
    expect(log.rows()[0].tags).toEqual(['from other tab', '401']);
  });
});

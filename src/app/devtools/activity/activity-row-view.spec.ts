import { ActivityEntry } from './activity-log';
import { activityRowView } from './activity-row-view';

const entry = (overrides: Partial<ActivityEntry> = {}): ActivityEntry => ({
  id: 1,
  startedAt: new Date(2030, 0, 1, 9, 5, 7).getTime(),
  method: 'GET',
  path: '/api/todos',
  status: 200,
  durationMs: 612,
  tags: ['bearer'],
  refreshId: null,
  detail: null,
  ...overrides,
});

describe('activityRowView', () => {
  it('reads "GET /api/todos 200" with the local time and the duration', () => {
    expect(activityRowView(entry())).toEqual(
      jasmine.objectContaining({
        time: '09:05:07',
        summary: 'GET /api/todos 200',
        note: null,
        duration: '612 ms',
        outcome: 'ok',
        refreshLabel: null,
        released: false,
      }),
    );
  });

  it('says in words what a pending, cancelled or network-failed request is', () => {
    const pending = activityRowView(entry({ status: null, durationMs: null }));
    expect([pending.summary, pending.note, pending.duration]).toEqual([
      'GET /api/todos …',
      'pending',
      '',
    ]);
    const cancelled = activityRowView(entry({ status: null, tags: ['cancelled'] }));
    expect([cancelled.summary, cancelled.note]).toEqual(['GET /api/todos –', 'cancelled']);
    const offline = activityRowView(entry({ status: 0 }));
    expect([offline.summary, offline.note, offline.outcome]).toEqual([
      'GET /api/todos 0',
      'network error',
      'failed',
    ]);
  });

  it('reads hyphenated tags from other sources as words', () => {
    expect(activityRowView(entry({ tags: ['bearer', 'from-other-tab'] })).tags).toEqual([
      { name: 'bearer', label: 'bearer' },
      { name: 'from-other-tab', label: 'from other tab' },
    ]);
  });

  it('links a refresh, the 401 that led to it and the requests it released with one label', () => {
    const refresh = activityRowView(
      entry({ method: 'POST', path: '/api/auth/refresh', tags: ['refresh'], refreshId: 3 }),
    );
    const unauthorized = activityRowView(
      entry({ status: 401, tags: ['bearer', '401'], refreshId: 3 }),
    );
    const retry = activityRowView(entry({ tags: ['bearer', 'retried'], refreshId: 3 }));
    expect([refresh, unauthorized, retry].map((row) => row.refreshLabel)).toEqual([
      'refresh #3',
      'refresh #3',
      'refresh #3',
    ]);
    expect([refresh, unauthorized, retry].map((row) => row.released)).toEqual([false, true, true]);
  });
});

import { ActivityEntry } from '../../activity/activity-log';

/**
 * Timeline rows as `ActivityLog` records them (oldest first), for the layout specs: the shapes
 * the auth flow produces, with the timings of the in-browser server's default 250 ms latency.
 */
export const T0 = Date.UTC(2030, 0, 1, 9, 0, 0);

export function entry(
  overrides: Partial<ActivityEntry> & Pick<ActivityEntry, 'id'>,
): ActivityEntry {
  return {
    startedAt: T0,
    method: 'GET',
    path: '/api/todos',
    status: 200,
    durationMs: 250,
    tags: ['bearer'],
    refreshId: null,
    detail: null,
    ...overrides,
  };
}

const REVOKED = 'The access token is no longer valid: the session has ended.';
const REFUSED = 'the server refused the refresh token (simulated)';

/** Ten parallel GETs with a refused access token: 10 × 401, one refresh #1, ten retries. */
export function tenRequestStorm(): ActivityEntry[] {
  const unauthorized = Array.from({ length: 10 }, (_, i) =>
    entry({
      id: i + 1,
      startedAt: T0 + i,
      durationMs: 258 - i,
      status: 401,
      tags: ['bearer', '401'],
      refreshId: 1,
      detail: REVOKED,
    }),
  );
  const refresh = entry({
    id: 11,
    method: 'POST',
    path: '/api/auth/refresh',
    startedAt: T0 + 262,
    durationMs: 255,
    tags: ['refresh'],
    refreshId: 1,
  });
  const retries = Array.from({ length: 10 }, (_, i) =>
    entry({
      id: 12 + i,
      startedAt: T0 + 518 + i,
      durationMs: 252,
      tags: i === 0 ? ['bearer', 'retried'] : ['bearer', 'retried', 'queued'],
      refreshId: 1,
    }),
  );
  return [...unauthorized, refresh, ...retries];
}

/** The same ten GETs when the server refuses the refresh: every one fails, the session ends. */
export function refusedRefreshStorm(): ActivityEntry[] {
  return [
    ...tenRequestStorm().slice(0, 10),
    entry({
      id: 11,
      method: 'POST',
      path: '/api/auth/refresh',
      startedAt: T0 + 262,
      durationMs: 255,
      status: 400,
      tags: ['refresh'],
      refreshId: 1,
      detail: REFUSED,
    }),
  ];
}

/** A request that starts while refresh #2 runs (proactive): it waits, then goes out. */
export function queuedBehindProactiveRefresh(): ActivityEntry[] {
  return [
    entry({
      id: 1,
      method: 'POST',
      path: '/api/auth/refresh',
      startedAt: T0 + 2,
      tags: ['refresh', 'proactive'],
      refreshId: 2,
    }),
    entry({
      id: 2,
      method: 'POST',
      startedAt: T0 + 253,
      status: 201,
      tags: ['bearer', 'proactive'],
      refreshId: 2,
    }),
    entry({
      id: 3,
      path: '/api/users/me',
      startedAt: T0 + 253,
      tags: ['bearer', 'proactive', 'queued'],
      refreshId: 2,
    }),
  ];
}

/** A 401, refresh #3, and a retry that gets a 401 again: the session ends. */
export function retryRefusedAgain(): ActivityEntry[] {
  return [
    entry({ id: 1, status: 401, tags: ['bearer', '401'], refreshId: 3 }),
    entry({
      id: 2,
      method: 'POST',
      path: '/api/auth/refresh',
      startedAt: T0 + 251,
      tags: ['refresh'],
      refreshId: 3,
    }),
    entry({
      id: 3,
      startedAt: T0 + 502,
      status: 401,
      tags: ['bearer', 'retried', '401'],
      refreshId: 3,
    }),
  ];
}

/** A 401 that waits for a refresh still running, and a request another tab's pair answered. */
export function pendingRefreshAndOtherTab(): ActivityEntry[] {
  return [
    entry({ id: 1, path: '/api/users/me', tags: ['bearer', 'from-other-tab'] }),
    entry({ id: 2, startedAt: T0 + 300, status: 401, tags: ['bearer', '401'], refreshId: 4 }),
    entry({
      id: 3,
      startedAt: T0 + 551,
      tags: ['bearer', 'retried', 'from-other-tab'],
      refreshId: 4,
    }),
    entry({ id: 4, startedAt: T0 + 900, status: 401, tags: ['bearer', '401'], refreshId: 5 }),
    entry({
      id: 5,
      method: 'POST',
      path: '/api/auth/refresh',
      startedAt: T0 + 1151,
      status: null,
      durationMs: null,
      tags: ['refresh'],
      refreshId: 5,
    }),
  ];
}

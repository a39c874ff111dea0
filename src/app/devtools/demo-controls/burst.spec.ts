import { HttpClient, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import { API_PATHS } from '../../api-contract';
import { describeBurst, fireParallelRequests } from './burst';

describe('parallel requests', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
  });

  it('sends all requests at once and counts successes, failures and the time taken', async () => {
    let clock = 1000;
    const done = fireParallelRequests(TestBed.inject(HttpClient), 4, () => clock);
    const requests = TestBed.inject(HttpTestingController).match(API_PATHS.todos);
    expect(requests.length).toBe(4);
    expect(requests.every((request) => request.request.method === 'GET')).toBeTrue();

    clock = 1612.4;
    requests[0].flush([]);
    requests[1].flush(
      { error: 'server_error', message: 'Boom.' },
      { status: 500, statusText: 'x' },
    );
    requests[2].flush([]);
    requests[3].error(new ProgressEvent('error'));

    expect(await done).toEqual({
      total: 4,
      succeeded: 2,
      failed: 2,
      durationMs: 612,
      firstError: 'Boom.',
    });
  });

  it('adds one todo per request when asked to create', async () => {
    const done = fireParallelRequests(TestBed.inject(HttpClient), 3, undefined, 'create');
    const requests = TestBed.inject(HttpTestingController).match(API_PATHS.todos);
    expect(requests.map((request) => request.request.method)).toEqual(['POST', 'POST', 'POST']);
    expect(requests.map((request) => request.request.body.title)).toEqual([
      'Parallel todo 1',
      'Parallel todo 2',
      'Parallel todo 3',
    ]);
    requests.forEach((request) => request.flush({}, { status: 201, statusText: 'Created' }));
    expect((await done).succeeded).toBe(3);
  });

  it('describes the outcome in one line for people and the benchmark', () => {
    const ok = { total: 10, succeeded: 10, failed: 0, durationMs: 612, firstError: null };
    expect(describeBurst(ok)).toBe('10 requests: 10 succeeded, 0 failed in 612 ms');
    expect(describeBurst({ ...ok, total: 1, succeeded: 0, failed: 1, firstError: 'Nope.' })).toBe(
      '1 request: 0 succeeded, 1 failed in 612 ms. First error: Nope.',
    );
  });
});

import { HttpRequest } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';

import { TEST_USER } from '../../auth/testing/fake-tokens';
import { AuthEvents } from '../../auth/auth-events';
import { RefreshFacts, SentWith } from '../../auth/auth-trace';
import { ActivityLog } from './activity-log';
import { ActivityTrace, TokenOrigin, flowNote } from './activity-trace';

const refresh = (facts: Partial<RefreshFacts> = {}): RefreshFacts => ({
  refreshId: 3,
  proactive: false,
  joined: false,
  fromOtherTab: false,
  ...facts,
});
const HERE: TokenOrigin = { refreshId: null, fromOtherTab: false };
const todos = () => new HttpRequest('GET', 'api/todos');

describe('flowNote', () => {
  const cases: [string, SentWith, TokenOrigin, string[], number | null][] = [
    ['a first try with the token it found', { attempt: 'first', refresh: null }, HERE, [], null],
    [
      'a first try with a token another tab refreshed',
      { attempt: 'first', refresh: null },
      { refreshId: 2, fromOtherTab: true },
      ['from-other-tab'],
      null,
    ],
    [
      'a first try behind the proactive refresh it started',
      { attempt: 'first', refresh: refresh({ proactive: true }) },
      HERE,
      ['proactive'],
      3,
    ],
    [
      'a first try that joined a proactive refresh',
      { attempt: 'first', refresh: refresh({ proactive: true, joined: true }) },
      HERE,
      ['proactive', 'queued'],
      3,
    ],
    [
      'a first try held back by a refresh after a 401',
      { attempt: 'first', refresh: refresh({ joined: true }) },
      HERE,
      ['queued'],
      3,
    ],
    [
      'the retry that started the refresh',
      { attempt: 'retry', refresh: refresh({ proactive: true }) },
      HERE,
      ['retried'],
      3,
    ],
    [
      'a retry that joined a refresh answered by another tab',
      { attempt: 'retry', refresh: refresh({ joined: true, fromOtherTab: true }) },
      HERE,
      ['retried', 'queued', 'from-other-tab'],
      3,
    ],
    [
      'a retry with a token renewed meanwhile',
      { attempt: 'retry', refresh: null },
      { refreshId: 2, fromOtherTab: false },
      ['retried', 'queued'],
      2,
    ],
  ];
  for (const [name, sentWith, origin, tags, refreshId] of cases) {
    it(`tags ${name}`, () => {
      expect(flowNote(sentWith, origin)).toEqual({ tags, refreshId });
    });
  }
});

describe('ActivityTrace', () => {
  let trace: ActivityTrace;
  let events: AuthEvents;
  let log: ActivityLog;

  beforeEach(() => {
    trace = TestBed.inject(ActivityTrace);
    events = TestBed.inject(AuthEvents);
    log = TestBed.inject(ActivityLog);
  });

  function sentFirst(): HttpRequest<unknown> {
    const attempt = todos();
    trace.request().sending(attempt, { attempt: 'first', refresh: null });
    return attempt;
  }

  it('notes each attempt by the very request sent, and nothing for others', () => {
    const attempt = sentFirst();
    expect(trace.noteFor(attempt)).toEqual(jasmine.objectContaining({ tags: [], refreshId: null }));
    expect(trace.noteFor(todos())).toEqual({ tags: [], refreshId: null });
  });

  it('follows the auth events to tell where the current token came from', () => {
    events.emit({ type: 'tokensAdopted', refreshId: null });
    expect(trace.noteFor(sentFirst()).tags).toEqual(['from-other-tab']);

    events.emit({ type: 'tokenRefreshed', refreshId: 4, proactive: false });
    expect(trace.noteFor(sentFirst()).tags).toEqual([]);

    events.emit({ type: 'signedIn', user: TEST_USER, fromOtherTab: true });
    expect(trace.noteFor(sentFirst()).tags).toEqual(['from-other-tab']);

    events.emit({ type: 'signedOut' });
    expect(trace.noteFor(sentFirst()).tags).toEqual([]);
  });

  it('notes the request made during a refresh call as that call, once', () => {
    const call = todos();
    const note = trace.refreshCall({ refreshId: 7, proactive: true }, () => trace.noteFor(call));
    expect(note).toEqual({ tags: ['refresh', 'proactive'], refreshId: 7 });
    expect(trace.noteFor(call)).toEqual({ tags: [], refreshId: null });
  });

  it('files a 401 under the refresh its request then waits on', () => {
    const request = trace.request();
    const first = todos();
    request.sending(first, { attempt: 'first', refresh: null });
    const row = log.start({ startedAt: 1, method: 'GET', path: '/api/todos', refreshId: null });
    log.finish(row, { status: 401, finishedAt: 2 });

    trace.noteFor(first).answered401?.(row);
    request.waitingOnRefresh(5);

    expect(log.rows()[0].refreshId).toBe(5);
  });
});

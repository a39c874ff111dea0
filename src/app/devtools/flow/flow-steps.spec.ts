import { FlowStep } from './flow-step-list';
import { flowSteps } from './flow-steps';
import {
  pendingRefreshAndOtherTab,
  queuedBehindProactiveRefresh,
  refusedRefreshStorm,
  retryRefusedAgain,
  tenRequestStorm,
} from './testing/flow-recordings';

const ofKind = (steps: readonly FlowStep[], kind: FlowStep['kind']) =>
  steps.filter((step) => step.kind === kind);
const numberOf = (steps: readonly FlowStep[], kind: FlowStep['kind']) =>
  ofKind(steps, kind)[0]?.number;

describe('flowSteps', () => {
  describe('a 10-request storm', () => {
    const { steps, spans, links } = flowSteps(tenRequestStorm());

    it('draws ten 401s from the server, one refresh bar and ten retries', () => {
      expect(ofKind(steps, 'server-401').length).toBe(10);
      expect(spans.filter((span) => span.kind === 'refresh').length).toBe(1);
      expect(ofKind(steps, 'refresh-call').map((step) => step.label)).toEqual([
        'POST /api/auth/refresh #1',
      ]);
      expect(ofKind(steps, 'retry').length).toBe(10);
      expect(ofKind(steps, 'answer').map((step) => step.label)).toEqual(Array(10).fill('200 OK'));
    });

    it('links each retry to its own 401, all under refresh #1', () => {
      expect(links.length).toBe(10);
      const causes = links.map((link) => steps[link.from - 1]);
      const retries = links.map((link) => steps[link.to - 1]);
      expect(causes.every((step) => step.kind === 'server-401')).toBeTrue();
      expect(retries.every((step) => step.kind === 'retry')).toBeTrue();
      expect(new Set(causes.map((step) => step.entry?.id)).size).toBe(10);
      expect(new Set(retries.map((step) => step.entry?.id)).size).toBe(10);
      expect(links.every((link) => link.refreshId === 1)).toBeTrue();
      expect(retries[0].description).toContain(`retry of the 401 in step ${links[0].from}`);
      expect(causes[0].linkedTo).toBe(links[0].to);
    });

    it('has the first 401 start the refresh and the other nine join it', () => {
      const asks = ofKind(steps, 'ask-refresh').map((step) => step.label);
      expect(asks.filter((label) => label === 'refresh() starts #1').length).toBe(1);
      expect(asks.filter((label) => label === 'refresh() joins #1').length).toBe(9);
    });

    it('ends every wait when the refresh ends, before any retry goes out', () => {
      const refreshEnd = numberOf(steps, 'refresh-rotated');
      const waits = spans.filter((span) => span.kind === 'wait');
      expect(waits.length).toBe(10);
      expect(waits.every((wait) => wait.to === refreshEnd)).toBeTrue();
      expect(ofKind(steps, 'retry').every((step) => step.number > refreshEnd)).toBeTrue();
      const bar = spans.find((span) => span.kind === 'refresh');
      expect([bar?.from, bar?.to]).toEqual([numberOf(steps, 'refresh-call'), refreshEnd]);
    });

    it('numbers the steps in time order, a response before what reacts to it', () => {
      expect(steps.map((step) => step.number)).toEqual(steps.map((_, index) => index + 1));
      const offsets = steps.map((step) => step.offsetMs);
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
      expect(steps[0].description).toBe('1. +0 ms, Page to Interceptor: GET /api/todos');
      for (const ask of ofKind(steps, 'ask-refresh')) {
        const response = steps.find((s) => s.kind === 'server-401' && s.entry === ask.entry);
        expect(response!.number).toBeLessThan(ask.number);
      }
    });
  });

  describe('a refused refresh', () => {
    const { steps, spans, links } = flowSteps(refusedRefreshStorm());

    it('fans out from the refresh to the ten requests it failed, then to the sign-out', () => {
      const refused = ofKind(steps, 'refresh-refused');
      expect(refused.map((step) => step.label)).toEqual(['400 refused']);
      const fails = ofKind(steps, 'fail-waiter');
      expect(fails.length).toBe(10);
      expect(fails.every((step) => step.from === 'store' && step.to === 'page')).toBeTrue();
      expect(new Set(fails.map((step) => step.entry?.id)).size).toBe(10);
      expect(fails.every((step) => step.number > refused[0].number)).toBeTrue();
      const signOut = ofKind(steps, 'sign-out');
      expect(signOut.length).toBe(1);
      expect(signOut[0].number).toBeGreaterThan(Math.max(...fails.map((step) => step.number)));
      expect(signOut[0].detail).toBe('the server refused the refresh token (simulated)');
      expect(signOut[0].outcome).toBe('refused');
    });

    it('retries nothing and draws the refresh bar as refused', () => {
      expect(links).toEqual([]);
      expect(ofKind(steps, 'retry')).toEqual([]);
      expect(spans.find((span) => span.kind === 'refresh')?.outcome).toBe('refused');
    });
  });

  it('has a request that starts during a refresh wait from the refresh start to its end', () => {
    const { steps, spans } = flowSteps(queuedBehindProactiveRefresh());
    expect(ofKind(steps, 'proactive-refresh').map((step) => step.label)).toEqual([
      'refresh() ahead of expiry, #2',
    ]);
    const calls = ofKind(steps, 'call');
    expect(calls.map((step) => step.offsetMs)).toEqual([0, 0]);
    const waits = spans.filter((span) => span.kind === 'wait');
    expect(waits.length).toBe(2);
    expect(waits.every((wait) => wait.to === numberOf(steps, 'refresh-rotated'))).toBeTrue();
    expect(ofKind(steps, 'send-after-wait').length).toBe(2);
  });

  it('ends the session when the retry gets a 401 as well', () => {
    const { steps, links } = flowSteps(retryRefusedAgain());
    expect(links.length).toBe(1);
    const ends = ofKind(steps, 'retry-rejected');
    expect(ends.map((step) => [step.label, step.outcome])).toEqual([
      ['401 again: signed out', 'refused'],
    ]);
  });

  it('leaves a running refresh open and draws what another tab answered', () => {
    const { steps, spans } = flowSteps(pendingRefreshAndOtherTab());
    const bar = spans.find((span) => span.kind === 'refresh');
    expect(bar?.to).toBeNull();
    const wait = spans.find((span) => span.kind === 'wait' && span.refreshId === 5);
    expect(wait?.to).toBeNull();
    expect(ofKind(steps, 'other-tab-token').map((step) => step.to)).toEqual(['interceptor']);
    expect(ofKind(steps, 'other-tab-pair').map((step) => step.label)).toEqual([
      'pair from another tab, #4',
    ]);
  });

  it('draws nothing for no entries', () => {
    expect(flowSteps([])).toEqual({ steps: [], spans: [], links: [], startedAt: null });
  });
});

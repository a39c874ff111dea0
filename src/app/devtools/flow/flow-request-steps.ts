import { ActivityEntry } from '../activity/activity-log';
import { FlowRun, RANK, StepList } from './flow-step-list';
import { endOf, outcomeOf, requestLine, statusWords } from './flow-words';

/**
 * A request through the interceptor: the page's call (a first attempt) or the retry, the send,
 * the server's answer, and then the answer to the page, or, after a 401, the ask for a refresh,
 * the wait for it and the link to the retry.
 */
export function addRequest(list: StepList, entry: ActivityEntry, run: FlowRun): void {
  const { id, tags, refreshId } = entry;
  const line = requestLine(entry);
  const refresh = refreshId === null ? undefined : run.refreshes.get(refreshId);
  const refreshEnd = refresh && endOf(refresh) !== null ? `${refresh.id}:answer` : null;
  const retried = tags.includes('retried');
  const waited =
    !retried && refreshId !== null && (tags.includes('queued') || tags.includes('proactive'));
  const sent = {
    key: `${id}:send`,
    from: 'interceptor',
    to: 'server',
    at: entry.startedAt,
  } as const;
  const base = { rank: RANK.send, outcome: 'neutral', entry } as const;

  if (retried) {
    list.step({ ...sent, ...base, kind: 'retry', label: `${line} again (retry)` });
  } else {
    // A request that waited was asked for before the refresh it waited for; its own start is
    // when it was sent, after the refresh.
    const callAt =
      waited && refresh && refresh.startedAt <= entry.startedAt
        ? refresh.startedAt
        : entry.startedAt;
    const call = { key: `${id}:call`, at: callAt, outcome: 'neutral', entry } as const;
    list.step({
      ...call,
      kind: 'call',
      from: 'page',
      to: 'interceptor',
      rank: RANK.call,
      label: line,
    });
    if (waited && !tags.includes('queued')) {
      const label = `refresh() ahead of expiry, #${refreshId}`;
      list.step({
        ...call,
        key: `${id}:ahead`,
        kind: 'proactive-refresh',
        from: 'interceptor',
        to: 'store',
        rank: RANK.ask,
        label,
      });
    }
    if (waited) {
      const label = `${line} waits for refresh #${refreshId}`;
      list.span({
        kind: 'wait',
        lane: 'interceptor',
        fromKey: call.key,
        toKey: refreshEnd ?? sent.key,
        refreshId,
        label,
        outcome: 'pending',
      });
    }
    const bearer = tags.includes('bearer');
    const kind = waited ? 'send-after-wait' : bearer ? 'send' : 'pass-through';
    const how = waited ? `after refresh #${refreshId}` : bearer ? 'bearer' : 'no token';
    list.step({ ...sent, ...base, kind, label: `${line}, ${how}` });
  }

  const end = endOf(entry);
  if (end === null) {
    const label = `${line} pending`;
    list.span({
      kind: 'pending',
      lane: 'interceptor',
      fromKey: sent.key,
      toKey: null,
      refreshId,
      label,
      outcome: 'pending',
    });
    return;
  }
  const ended = { at: end, entry, detail: entry.detail } as const;
  const answer = {
    ...ended,
    key: `${id}:answer`,
    from: 'interceptor',
    to: 'page',
    rank: RANK.answer,
  } as const;
  if (entry.status === null) {
    list.step({
      ...answer,
      kind: 'answer',
      rank: RANK.answer,
      label: 'cancelled',
      outcome: 'failed',
    });
    return;
  }
  const unauthorized = entry.status === 401;
  const response = {
    ...ended,
    key: `${id}:response`,
    from: 'server',
    to: 'interceptor',
    rank: RANK.response,
  } as const;
  const words = statusWords(entry);
  const outcome = outcomeOf(entry.status);
  list.step({
    ...response,
    kind: unauthorized ? 'server-401' : 'server-answer',
    label: words,
    outcome,
  });

  if (unauthorized && !retried && refreshId !== null) {
    const verb = run.starters.has(id) ? 'starts' : 'joins';
    const ask = {
      key: `${id}:ask`,
      from: 'interceptor',
      to: 'store',
      at: end,
      rank: RANK.ask,
      entry,
    } as const;
    list.step({
      ...ask,
      kind: 'ask-refresh',
      label: `refresh() ${verb} #${refreshId}`,
      outcome: 'neutral',
    });
    const retry = run.retryOf.get(id);
    const waitEnd = refreshEnd ?? (retry ? `${retry.id}:send` : null);
    const label = `${line} waits for refresh #${refreshId}`;
    list.span({
      kind: 'wait',
      lane: 'interceptor',
      fromKey: ask.key,
      toKey: waitEnd,
      refreshId,
      label,
      outcome: 'pending',
    });
    if (retry) list.link({ fromKey: response.key, toKey: `${retry.id}:send`, refreshId });
    return;
  }
  if (unauthorized && retried) {
    list.step({
      ...answer,
      key: `${id}:ends`,
      kind: 'retry-rejected',
      rank: RANK.signOut,
      label: '401 again: signed out',
      outcome: 'refused',
    });
  }
  list.step({ ...answer, kind: 'answer', label: words, outcome });
}

import { ActivityEntry } from '../activity/activity-log';
import { FlowRun, RANK, StepList } from './flow-step-list';
import { FlowOutcome, endOf, isRefusal, outcomeOf, requestLine, statusWords } from './flow-words';

/**
 * A refresh call: a bar in the store's lane from the call to its answer. A refresh that fails
 * fans out to the 401s it failed (they are not retried); a refused one also to the sign-out.
 */
export function addRefresh(list: StepList, entry: ActivityEntry, run: FlowRun): void {
  const { id, refreshId } = entry;
  const ahead = entry.tags.includes('proactive') ? ', ahead of expiry' : '';
  const label = `${requestLine(entry)} #${refreshId}${ahead}`;
  const call = { key: `${id}:call`, from: 'store', to: 'server', at: entry.startedAt } as const;
  list.step({
    ...call,
    kind: 'refresh-call',
    rank: RANK.storeCall,
    label,
    outcome: 'neutral',
    entry,
  });
  const end = endOf(entry);
  const refused = isRefusal(entry.status);
  const outcome: FlowOutcome = refused
    ? 'refused'
    : outcomeOf(entry.status, entry.tags.includes('cancelled'));
  const toKey = end === null ? null : `${id}:answer`;
  list.span({
    kind: 'refresh',
    lane: 'store',
    fromKey: call.key,
    toKey,
    refreshId,
    label: `refresh #${refreshId}`,
    outcome,
  });
  if (end === null) return;

  const kind =
    outcome === 'ok' ? 'refresh-rotated' : refused ? 'refresh-refused' : 'refresh-failed';
  const words =
    outcome === 'ok'
      ? `${entry.status} new pair`
      : refused
        ? `${entry.status} refused`
        : statusWords(entry);
  const at = { at: end, detail: entry.detail, refreshId } as const;
  list.step({
    ...at,
    key: `${id}:answer`,
    kind,
    from: 'server',
    to: 'store',
    rank: RANK.response,
    label: words,
    outcome,
    entry,
  });
  if (outcome === 'ok') return;
  const failed = run.entries.filter(
    (r) =>
      r.refreshId === refreshId &&
      r.status === 401 &&
      !r.tags.includes('retried') &&
      !run.retryOf.has(r.id) &&
      r !== entry,
  );
  for (const request of failed) {
    const label = `fails ${requestLine(request)}`;
    list.step({
      ...at,
      key: `${request.id}:failed`,
      kind: 'fail-waiter',
      from: 'store',
      to: 'page',
      rank: RANK.fail,
      label,
      outcome: 'failed',
      entry: request,
    });
  }
  if (refused) {
    list.step({
      ...at,
      key: `${id}:sign-out`,
      kind: 'sign-out',
      from: 'store',
      to: 'page',
      rank: RANK.signOut,
      label: 'signed out',
      outcome: 'refused',
      entry,
    });
  }
}

/** Sign-in, register and sign-out: the store calls the server directly, with no bearer. */
export function addAuthCall(list: StepList, entry: ActivityEntry): void {
  const key = `${entry.id}:call`;
  list.step({
    key,
    kind: 'auth-call',
    from: 'store',
    to: 'server',
    at: entry.startedAt,
    rank: RANK.storeCall,
    label: requestLine(entry),
    outcome: 'neutral',
    entry,
  });
  const end = endOf(entry);
  if (end === null) return;
  const outcome = outcomeOf(entry.status, entry.tags.includes('cancelled'));
  list.step({
    key: `${entry.id}:answer`,
    kind: 'auth-answer',
    from: 'server',
    to: 'store',
    at: end,
    rank: RANK.response,
    label: statusWords(entry),
    outcome,
    entry,
    detail: entry.detail,
  });
}

/**
 * One arrow from the other tabs for each refresh another tab answered (this tab made no call)
 * and one for requests sent with a token another tab got.
 */
export function addOtherTabs(list: StepList, run: FlowRun): void {
  const firsts = new Map<number | null, ActivityEntry>();
  for (const entry of run.entries) {
    if (entry.tags.includes('from-other-tab') && !firsts.has(entry.refreshId)) {
      firsts.set(entry.refreshId, entry);
    }
  }
  for (const [refreshId, entry] of firsts) {
    if (refreshId !== null && run.refreshes.has(refreshId)) continue;
    const base = {
      key: `${entry.id}:tab`,
      from: 'tabs',
      at: entry.startedAt,
      rank: RANK.otherTab,
      outcome: 'ok',
      entry,
    } as const;
    if (refreshId === null) {
      list.step({
        ...base,
        kind: 'other-tab-token',
        to: 'interceptor',
        label: 'token from another tab',
      });
    } else {
      list.step({
        ...base,
        kind: 'other-tab-pair',
        to: 'store',
        label: `pair from another tab, #${refreshId}`,
      });
    }
  }
}

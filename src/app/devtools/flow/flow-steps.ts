import { ActivityEntry } from '../activity/activity-log';
import { addRequest } from './flow-request-steps';
import { FlowRun, FlowSteps, StepList } from './flow-step-list';
import { addAuthCall, addOtherTabs, addRefresh } from './flow-store-steps';
import { endOf, isAuthEndpoint, isRefreshCall, requestLine } from './flow-words';

/**
 * The timeline's rows as the steps of a sequence diagram: each request is asked for by the page,
 * sent by the interceptor and answered by the server; a 401 asks the store for a refresh and
 * waits for it; its retry is linked to it; a refresh is a bar, and one that fails fans out to the
 * requests it failed (and, refused, to the sign-out). Pure: the same rows give the same steps.
 */
export function flowSteps(entries: readonly ActivityEntry[]): FlowSteps {
  const run = flowRun(entries);
  const list = new StepList();
  for (const entry of run.entries) {
    if (isRefreshCall(entry)) addRefresh(list, entry, run);
    else if (isAuthEndpoint(entry)) addAuthCall(list, entry);
    else addRequest(list, entry, run);
  }
  addOtherTabs(list, run);
  return list.finish();
}

function flowRun(entries: readonly ActivityEntry[]): FlowRun {
  const sorted = [...entries].sort((a, b) => a.id - b.id);
  const refreshes = new Map<number, ActivityEntry>();
  for (const entry of sorted) {
    if (isRefreshCall(entry) && entry.refreshId !== null && !refreshes.has(entry.refreshId)) {
      refreshes.set(entry.refreshId, entry);
    }
  }
  const starters = new Map<number, ActivityEntry>();
  for (const entry of firstUnauthorized(sorted)) {
    const refresh = refreshes.get(entry.refreshId ?? -1);
    const earlier = starters.get(entry.refreshId ?? -1);
    if (!refresh || refresh.tags.includes('proactive')) continue;
    if (!earlier || (endOf(entry) ?? 0) < (endOf(earlier) ?? 0)) {
      starters.set(refresh.refreshId ?? -1, entry);
    }
  }
  return {
    entries: sorted,
    refreshes,
    retryOf: pairRetries(sorted),
    starters: new Set([...starters.values()].map((entry) => entry.id)),
  };
}

/** First attempts that got a 401 and were filed under a refresh. */
function firstUnauthorized(run: readonly ActivityEntry[]): ActivityEntry[] {
  return run.filter(
    (entry) =>
      entry.status === 401 &&
      entry.refreshId !== null &&
      !isRefreshCall(entry) &&
      !entry.tags.includes('retried'),
  );
}

/**
 * Which retry each 401 led to. The timeline files both under the same refresh; within one refresh
 * and one method and path, the 401s (in the order they came back) and the retries (in the order
 * they went out) pair up one to one, because the waiters are released in the order they joined.
 */
export function pairRetries(run: readonly ActivityEntry[]): Map<number, ActivityEntry> {
  const groups = new Map<string, { refused: ActivityEntry[]; retries: ActivityEntry[] }>();
  const groupOf = (entry: ActivityEntry) => {
    const key = `${entry.refreshId} ${requestLine(entry)}`;
    const group = groups.get(key) ?? { refused: [], retries: [] };
    groups.set(key, group);
    return group;
  };
  for (const entry of firstUnauthorized(run)) groupOf(entry).refused.push(entry);
  for (const entry of run) {
    if (entry.refreshId !== null && entry.tags.includes('retried') && !isRefreshCall(entry)) {
      groupOf(entry).retries.push(entry);
    }
  }
  const pairs = new Map<number, ActivityEntry>();
  for (const { refused, retries } of groups.values()) {
    refused.sort((a, b) => (endOf(a) ?? 0) - (endOf(b) ?? 0) || a.id - b.id);
    retries.sort((a, b) => a.startedAt - b.startedAt || a.id - b.id);
    refused.forEach((entry, index) => {
      if (retries[index]) pairs.set(entry.id, retries[index]);
    });
  }
  return pairs;
}

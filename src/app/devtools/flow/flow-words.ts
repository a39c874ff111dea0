import { API_PATHS } from '../../api-contract';
import { ActivityEntry } from '../activity/activity-log';

/** The diagram's lanes, left to right. */
export type FlowLane = 'page' | 'interceptor' | 'store' | 'tabs' | 'server';

export const FLOW_LANES: readonly { readonly id: FlowLane; readonly name: string }[] = [
  { id: 'page', name: 'Page' },
  { id: 'interceptor', name: 'Interceptor' },
  { id: 'store', name: 'Refresh (store and lock)' },
  { id: 'tabs', name: 'Other tabs' },
  { id: 'server', name: 'Server' },
];

export function laneName(lane: FlowLane): string {
  return FLOW_LANES.find((candidate) => candidate.id === lane)?.name ?? lane;
}

/**
 * How a step turned out. Each has a colour, and also a word in the arrow's label and a shape at
 * its head (`neutral`: a request, not yet an outcome).
 */
export type FlowOutcome = 'neutral' | 'ok' | 'unauthorized' | 'refused' | 'failed' | 'pending';

export function outcomeOf(status: number | null, cancelled = false): FlowOutcome {
  if (status === null) return cancelled ? 'failed' : 'pending';
  if (status === 401) return 'unauthorized';
  return status === 0 || status >= 400 ? 'failed' : 'ok';
}

/** `200 OK`, `401 unauthorized`, `0 network error`, `cancelled`: never the number alone. */
export function statusWords(entry: ActivityEntry): string {
  const status = entry.status;
  if (status === null) return entry.tags.includes('cancelled') ? 'cancelled' : 'pending';
  if (status === 0) return 'network error';
  if (status === 401) return '401 unauthorized';
  if (status === 403) return '403 forbidden';
  if (status === 404) return '404 not found';
  return status < 400 ? `${status} OK` : `${status} failed`;
}

/** A refusal ends the session; any other failed refresh keeps it (see the auth README). */
export function isRefusal(status: number | null): boolean {
  return status === 400 || status === 401;
}

export function isRefreshCall(entry: ActivityEntry): boolean {
  return entry.tags.includes('refresh');
}

/** Sign-in, register and sign-out: sent by the store, never given a bearer token. */
export function isAuthEndpoint(entry: ActivityEntry): boolean {
  const authPaths: string[] = [API_PATHS.login, API_PATHS.register, API_PATHS.logout];
  return authPaths.some((path) => entry.path === `/${path}`);
}

export function endOf(entry: ActivityEntry): number | null {
  return entry.durationMs === null ? null : entry.startedAt + entry.durationMs;
}

export function requestLine(entry: ActivityEntry): string {
  return `${entry.method} ${entry.path}`;
}

import { recordOf } from './json-records';

/**
 * Which requests the in-browser server answers: same-origin URLs whose path below the app's base
 * starts with `api/` (the contract's paths are relative, so they resolve under the base href).
 */

export interface ApiTarget {
  /** E.g. `api/todos/42`, without query or trailing slash. */
  path: string;
  query: Record<string, string>;
}

/** The API path and query of `url`, or `null` when the URL is not for the in-browser server. */
export function apiTarget(url: string, baseUri = defaultBase()): ApiTarget | null {
  let target: URL;
  try {
    target = new URL(url, baseUri);
  } catch {
    return null;
  }
  const base = new URL('.', baseUri);
  if (target.origin !== base.origin) return null;
  const below = target.pathname.startsWith(base.pathname)
    ? target.pathname.slice(base.pathname.length)
    : target.pathname.replace(/^\/+/, '');
  const path = below.replace(/\/+$/, '');
  if (path !== 'api' && !path.startsWith('api/')) return null;
  return { path, query: recordOf(target.searchParams) };
}

function defaultBase(): string {
  return globalThis.document?.baseURI ?? 'http://localhost/';
}

import { InjectionToken } from '@angular/core';

import type { User } from '../api-contract';
import { isRecord, isUser } from './token-claims';

/**
 * What one tab tells the others about the shared session (localStorage mode). Each message names
 * the server's session (`sid`) it is about, so a tab ignores news of a session it no longer has.
 *
 * - `rotated`: this tab stored a new token pair for `sid` (under the refresh lock);
 * - `signedIn`: a new shared session `sid` for `user` is in storage;
 * - `signedOut`: the user signed out of `sid`;
 * - `ended`: the server refused `sid`'s refresh; `reason` reads after "Your session has ended: ".
 */
export type TabMessage =
  | { readonly type: 'rotated'; readonly sid: string }
  | { readonly type: 'signedIn'; readonly sid: string; readonly user: User }
  | { readonly type: 'signedOut'; readonly sid: string }
  | { readonly type: 'ended'; readonly sid: string; readonly reason: string };

/**
 * The channel between the tabs of this origin. A message posted reaches every *other* tab (never
 * the sender), in order, or not at all (a closed or frozen tab misses it): messages are hints to
 * re-read storage, never the only copy of the truth.
 */
export interface TabChannel {
  post(message: TabMessage): void;
  /** Calls `listener` for every message from another tab; returns the unsubscribe. */
  listen(listener: (message: TabMessage) => void): () => void;
}

export const TAB_CHANNEL_NAME = 'auth:session';

/**
 * Reads what arrived on the channel. Any script of this origin can post there, so anything that
 * is not a well-formed `TabMessage` reads as null (and is ignored), and only the fields of its
 * type are kept.
 */
export function parseTabMessage(data: unknown): TabMessage | null {
  if (!isRecord(data)) return null;
  const { type, sid, user, reason } = data;
  if (typeof sid !== 'string' || sid === '') return null;
  if (type === 'rotated' || type === 'signedOut') return { type, sid };
  if (type === 'signedIn' && isUser(user)) return { type, sid, user };
  if (type === 'ended' && typeof reason === 'string') return { type, sid, reason };
  return null;
}

/** A channel that carries nothing (no `BroadcastChannel` in this browser, or a spec). */
export const NO_TAB_CHANNEL: TabChannel = { post: () => undefined, listen: () => () => undefined };

/**
 * `BroadcastChannel` where the browser has it; otherwise nothing (storage events still work).
 * Closed while the page is in the back/forward cache: Chromium evicts a cached page that a
 * message reaches, and the Back button would then reload it. On its way back, `SessionRecheck`
 * re-reads storage, so nothing missed meanwhile is lost.
 */
export function broadcastTabChannel(): TabChannel {
  if (typeof BroadcastChannel === 'undefined') return NO_TAB_CHANNEL;
  const listeners = new Set<(message: TabMessage) => void>();
  const hear = (event: MessageEvent<unknown>) => {
    const message = parseTabMessage(event.data);
    if (message) listeners.forEach((listener) => listener(message));
  };
  const open = () => {
    const opened = new BroadcastChannel(TAB_CHANNEL_NAME);
    opened.addEventListener('message', hear);
    return opened;
  };
  let channel: BroadcastChannel | null = open();
  globalThis.addEventListener?.('pagehide', (event: PageTransitionEvent) => {
    if (!event.persisted) return;
    channel?.close();
    channel = null;
  });
  globalThis.addEventListener?.('pageshow', (event: PageTransitionEvent) => {
    if (event.persisted) channel ??= open();
  });
  return {
    post: (message) => channel?.postMessage(message),
    listen: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const TAB_CHANNEL = new InjectionToken<TabChannel>('TAB_CHANNEL', {
  providedIn: 'root',
  factory: broadcastTabChannel,
});

import { sessionEndedMessage } from './auth-errors';

/**
 * The session notices the login page shows (`AuthStore.sessionNotice`). Each `reason` also reads
 * after "Your session has ended: ", for whoever shows reasons only.
 */

/** Why the last session ended, for the login page. Voluntary sign-out leaves none. */
export interface SessionNotice {
  /** A fragment that reads after "Your session has ended: ". */
  readonly reason: string;
  /** "Your session has ended: <reason>. Please sign in again." */
  readonly message: string;
}

/** A session the server ended or refused: "Your session has ended: <reason>. Please sign in again." */
export function sessionEndedNotice(reason: string): SessionNotice {
  return { reason, message: sessionEndedMessage(reason) };
}

/** Localstorage mode: the shared session was signed out in another tab. */
export const SIGNED_OUT_IN_OTHER_TAB: SessionNotice = {
  reason: 'you signed out in another tab',
  message: 'You signed out in another tab.',
};

/** Another tab switched to a per-tab storage mode and took the shared session along. */
export const SESSION_MOVED_TO_OTHER_TAB: SessionNotice = {
  reason: 'another tab took it into its own storage',
  message:
    'Another tab switched to per-tab storage and took the session with it. ' +
    'Sign in to start a session in this tab.',
};

/** Session-storage mode: this tab is a duplicate, so the copied session stays the original's. */
export const COPIED_TAB: SessionNotice = {
  reason: 'this tab is a copy of another tab',
  message:
    'This tab is a copy of another tab. In session-storage mode every tab has its own ' +
    'session, so sign in to start one here.',
};

/**
 * The mark a tab leaves in localStorage when it ends the shared session (`auth:session-end`), so
 * the other tabs can say why they were signed out: its type, and reading it back without trusting
 * what is stored.
 */
import { isRecord } from './token-claims';

/** localStorage key of the last shared session that ended, so the other tabs can tell why. */
export const SESSION_END_KEY = 'auth:session-end';

/** How a shared session ended: signed out, refused by the server, or taken into one tab's storage. */
export type SessionEndKind = 'signedOut' | 'expired' | 'moved';

/** What a tab records (in localStorage mode) when it ends the shared session. */
export interface SessionEndMark {
  readonly kind: SessionEndKind;
  /** For `expired`: the reason, which reads after "Your session has ended: ". */
  readonly reason: string | null;
  /** The server's session id (`sid` claim) of the session that ended. */
  readonly sid: string;
  /** When, in ms since the epoch. */
  readonly at: number;
}

export function parseEndMark(raw: string | null): SessionEndMark | null {
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(value) || typeof value['sid'] !== 'string' || typeof value['at'] !== 'number') {
    return null;
  }
  const kinds: readonly unknown[] = ['signedOut', 'expired', 'moved'] satisfies SessionEndKind[];
  if (!kinds.includes(value['kind'])) return null;
  const reason = typeof value['reason'] === 'string' ? value['reason'] : null;
  return { kind: value['kind'] as SessionEndKind, reason, sid: value['sid'], at: value['at'] };
}

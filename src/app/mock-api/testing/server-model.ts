/**
 * Test-only: the simple model that `server-invariants.spec.ts` runs beside the in-browser server.
 * It is written from the rules the server promises, not from its code: what a session is, when it
 * ends, which refresh token may rotate once, and what a replay within the reuse grace gets.
 */
import { DEFAULT_SERVER_SETTINGS } from '../server-settings';

/** What ended a session for good; `pruned`: the server dropped it, nothing of it is known. */
export type ModelEnd = 'logout' | 'revoked' | 'reuse' | 'evicted' | 'pruned';

export interface ModelRefreshToken {
  token: string;
  sid: string;
  /** The `exp` claim, in epoch seconds. */
  exp: number;
  /** When it was rotated (epoch ms); `null` while it is the session's newest. */
  usedAt: number | null;
  /** The server dropped its record (an hour after it expired): it can never rotate again. */
  forgotten: boolean;
}

export interface ModelSession {
  sid: string;
  user: string;
  createdAt: number;
  /**
   * Set at the first end and never cleared (only `pruned` may follow): an explicit end is
   * forever, whatever the clock does after.
   */
  end: ModelEnd | null;
  /** Its refresh tokens in the order issued; the last one is the newest. */
  refreshTokens: string[];
  accessTokens: { token: string; exp: number }[];
}

export interface ModelTodo {
  id: string;
  owner: string;
  title: string;
  done: boolean;
}

export interface ServerModel {
  registered: Set<string>;
  reuseGrace: number;
  sessions: ModelSession[];
  refreshTokens: Map<string, ModelRefreshToken>;
  todos: ModelTodo[];
}

/** What the model says a refresh must do. */
export type RefreshOutcome =
  | { kind: 'rotate' }
  | { kind: 'grace'; successor: string }
  | { kind: 'refuse'; endsSession: boolean };

const LIFETIMES = DEFAULT_SERVER_SETTINGS;
/** The server forgets a refresh token an hour after it expired, and a session with its last. */
const FORGOTTEN_AFTER_MS = 3_600_000;

const expired = (exp: number, now: number): boolean => exp * 1000 <= now;

/** A fresh server's model: these users, these todos, no session, no reuse grace. */
export function newModel(users: string[], todos: ModelTodo[]): ServerModel {
  const registered = new Set(users);
  return { registered, reuseGrace: 0, sessions: [], refreshTokens: new Map(), todos };
}

export function sessionOf(model: ServerModel, sid: string): ModelSession {
  const session = model.sessions.find((candidate) => candidate.sid === sid);
  if (!session) throw new Error(`The model has no session ${sid}.`);
  return session;
}

export function newest(model: ServerModel, session: ModelSession): ModelRefreshToken {
  return model.refreshTokens.get(session.refreshTokens.at(-1)!)!;
}

/** Ended early, or past its absolute lifetime by the server's clock now. */
export function isOver(session: ModelSession, now: number): boolean {
  return session.end !== null || now >= session.createdAt + LIFETIMES.sessionLifetime * 1000;
}

/** Still recorded and not expired: a token that can rotate, or be handed out in the grace. */
const isLive = (token: ModelRefreshToken, now: number) =>
  !token.forgotten && !expired(token.exp, now);

/** Running, with a newest refresh token that is live: what the five-session cap counts. */
export function isActive(model: ServerModel, session: ModelSession, now: number): boolean {
  return !isOver(session, now) && isLive(newest(model, session), now);
}

export function activeSessions(model: ServerModel, user: string, now: number): ModelSession[] {
  return model.sessions.filter((s) => s.user === user && isActive(model, s, now));
}

/** The user's sessions not ended yet, in the order the cap ends them: idle first, then oldest. */
export function openSessions(model: ServerModel, user: string, now: number): ModelSession[] {
  const idleFirst = (session: ModelSession) => (isActive(model, session, now) ? 1 : 0);
  return model.sessions
    .filter((s) => s.user === user && s.end === null)
    .sort((a, b) => idleFirst(a) - idleFirst(b) || a.createdAt - b.createdAt);
}

/**
 * Every sign-in and refresh first forgets the tokens that expired more than an hour ago, and the
 * sessions left with none. (After a clock step back, a rotated token can outlive its successor.)
 */
export function forgetExpired(model: ServerModel, now: number): void {
  for (const token of model.refreshTokens.values()) {
    if (token.exp * 1000 + FORGOTTEN_AFTER_MS <= now) token.forgotten = true;
  }
  for (const session of model.sessions) {
    const tokens = session.refreshTokens.map((token) => model.refreshTokens.get(token)!);
    if (tokens.every((token) => token.forgotten)) session.end = 'pruned';
  }
}

/** Whether a request with this access token must be let through (the session check is on). */
export function acceptsAccess(model: ServerModel, token: string, now: number): boolean {
  for (const session of model.sessions) {
    const access = session.accessTokens.find((candidate) => candidate.token === token);
    if (access) return !expired(access.exp, now) && !isOver(session, now);
  }
  return false;
}

/** What presenting `token` to `POST api/auth/refresh` must do now (after `forgetExpired`). */
export function refreshOutcome(model: ServerModel, token: string, now: number): RefreshOutcome {
  const refused = { kind: 'refuse', endsSession: false } as const;
  const record = model.refreshTokens.get(token);
  if (!record || expired(record.exp, now) || record.forgotten) return refused;
  const session = sessionOf(model, record.sid);
  if (isOver(session, now)) return refused;
  if (record.usedAt !== null) {
    const sinceUse = now - record.usedAt;
    const successor = newest(model, session);
    const withinGrace = sinceUse >= 0 && sinceUse < model.reuseGrace * 1000;
    // The way to the newest token goes through every later one; a forgotten one breaks it.
    const later = session.refreshTokens.slice(session.refreshTokens.indexOf(token) + 1);
    const reachable = later.every((next) => !model.refreshTokens.get(next)!.forgotten);
    if (withinGrace && reachable && isLive(successor, now)) {
      return { kind: 'grace', successor: successor.token };
    }
    return { kind: 'refuse', endsSession: true };
  }
  return nextExpiry(session, now) === null ? refused : { kind: 'rotate' };
}

/** The `exp` of a token issued now: the refresh lifetime, cut at the session's end. */
export function nextExpiry(session: ModelSession, now: number): number | null {
  const iat = Math.floor(now / 1000);
  const end = Math.floor((session.createdAt + LIFETIMES.sessionLifetime * 1000) / 1000);
  const exp = Math.min(iat + LIFETIMES.refreshTokenLifetime, end);
  return exp > iat ? exp : null;
}

/**
 * Clock skew: the client judges expiry in the server's time, not its own.
 *
 * A token's `exp` is a time on the server's clock. A client whose clock is 10 minutes fast would
 * take a fresh refresh token for an expired one and end a session the server still honours; one
 * 60 s fast would refresh before every request. So at each receipt of a token pair the client
 * notes how far the server's clock is from its own (from the access token's `iat`), keeps that
 * offset with the session, and adds it to `Date.now()` wherever it asks "has this expired?".
 */

/**
 * Offsets below this are network delay and `iat`'s rounding down to whole seconds, not skew: the
 * client's own clock is used as it is.
 */
export const SKEW_NOISE_MS = 2_000;
/** An offset beyond a day is taken for a broken `iat`, not a clock: it is ignored as well. */
export const SKEW_LIMIT_MS = 86_400_000;

/**
 * The server clock minus the client clock, in ms, from a token issued at `iatSeconds` (server
 * time, whole seconds) that arrived at `receivedAt` (client time). `iat` was rounded down, so the
 * middle of its second is the best guess; the answer's travel time makes the server look a little
 * behind, which `SKEW_NOISE_MS` absorbs.
 */
export function clockOffsetAtReceipt(iatSeconds: number, receivedAt: number): number {
  return Math.round(iatSeconds * 1000 + 500 - receivedAt);
}

/** The offset to apply: 0 for noise, for a value that is not a number, or for a broken `iat`. */
export function usableOffset(offsetMs: number | null | undefined): number {
  if (typeof offsetMs !== 'number' || !Number.isFinite(offsetMs)) return 0;
  const size = Math.abs(offsetMs);
  return size < SKEW_NOISE_MS || size > SKEW_LIMIT_MS ? 0 : offsetMs;
}

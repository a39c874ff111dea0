/**
 * The server's demo settings (token lifetimes, latency, reuse grace, a one-shot refresh failure):
 * their type, defaults, allowed ranges and validation.
 *
 * A real deployment would read these from its configuration; here the teaching panels change them
 * at run time through `DemoServerControls`.
 */

/**
 * How the next `POST api/auth/refresh` fails; `'none'` means it does not. Applies once.
 * `'hang'`: the request never reaches the refresh handler and is never answered.
 */
export type RefreshFailureMode =
  'none' | 'server-error' | 'network-error' | 'hang' | 'invalid-grant';

export const REFRESH_FAILURE_MODES: readonly RefreshFailureMode[] = [
  'none',
  'server-error',
  'network-error',
  'hang',
  'invalid-grant',
];

export interface ServerSettings {
  /** Access-token lifetime in seconds. */
  accessTokenLifetime: number;
  /** Refresh-token lifetime in seconds (a rotated token never outlives its session). */
  refreshTokenLifetime: number;
  /** Absolute session lifetime in seconds, counted from sign-in; refresh cannot extend it. */
  sessionLifetime: number;
  /** Simulated network round trip in milliseconds, applied to every response. */
  latency: number;
  /** Seconds after a rotation during which the old refresh token still gets the same successor. */
  reuseGrace: number;
  /**
   * Seconds added to the server's clock (negative: behind), to show what clock skew between
   * client and server does: every `iat`, `exp` and expiry check of the server moves with it.
   */
  clockOffset: number;
  failNextRefresh: RefreshFailureMode;
}

export type NumericSetting = Exclude<keyof ServerSettings, 'failNextRefresh'>;

export interface SettingLimit {
  min: number;
  max: number;
  unit: 's' | 'ms';
  label: string;
}

/** Allowed ranges, whole numbers only. The UI can use them for `min`/`max` on its inputs. */
export const SETTING_LIMITS: Readonly<Record<NumericSetting, SettingLimit>> = {
  accessTokenLifetime: { min: 5, max: 3600, unit: 's', label: 'Access-token lifetime' },
  refreshTokenLifetime: { min: 10, max: 604_800, unit: 's', label: 'Refresh-token lifetime' },
  sessionLifetime: { min: 10, max: 2_592_000, unit: 's', label: 'Absolute session lifetime' },
  latency: { min: 0, max: 5000, unit: 'ms', label: 'Latency' },
  reuseGrace: { min: 0, max: 60, unit: 's', label: 'Reuse grace' },
  clockOffset: { min: -3600, max: 3600, unit: 's', label: 'Server clock offset' },
};

/** Lifetimes short enough to watch tokens expire and refresh. */
export const DEFAULT_SERVER_SETTINGS: Readonly<ServerSettings> = {
  accessTokenLifetime: 30,
  refreshTokenLifetime: 300,
  sessionLifetime: 3600,
  latency: 250,
  reuseGrace: 0,
  clockOffset: 0,
  failNextRefresh: 'none',
};

/** Thrown (as a rejected promise) by `DemoServerControls` for a value out of range. */
export class InvalidSettingError extends Error {
  override readonly name = 'InvalidSettingError';

  constructor(
    readonly setting: keyof ServerSettings,
    message: string,
  ) {
    super(message);
  }
}

/** The message for a refused value, or `null` when the value is allowed. */
export function checkSetting(setting: NumericSetting, value: unknown): string | null {
  const { min, max, unit, label } = SETTING_LIMITS[setting];
  const ok = typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
  if (ok) return null;
  const units = unit === 's' ? 'seconds' : 'milliseconds';
  return `${label} must be a whole number of ${units} from ${min} to ${max}.`;
}

/** Settings added after the first release: stored settings without them take the default. */
const ADDED_LATER: readonly NumericSetting[] = ['clockOffset'];

/** Stored settings as they are, with the defaults of settings added since they were written. */
function withLaterDefaults(candidate: Record<string, unknown>): Record<string, unknown> {
  const filled = { ...candidate };
  for (const setting of ADDED_LATER) filled[setting] ??= DEFAULT_SERVER_SETTINGS[setting];
  return filled;
}

/** Stored settings, or `null` when they are not a complete, valid settings object. */
export function parseSettings(raw: unknown): ServerSettings | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const candidate = withLaterDefaults(raw as Record<string, unknown>);
  const numeric = Object.keys(SETTING_LIMITS) as NumericSetting[];
  if (numeric.some((setting) => checkSetting(setting, candidate[setting]) !== null)) return null;
  const mode = candidate['failNextRefresh'];
  if (!REFRESH_FAILURE_MODES.includes(mode as RefreshFailureMode)) return null;
  const settings = { ...DEFAULT_SERVER_SETTINGS };
  for (const setting of numeric) settings[setting] = candidate[setting] as number;
  settings.failNextRefresh = mode as RefreshFailureMode;
  return settings;
}

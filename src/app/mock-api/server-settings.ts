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
  /**
   * Whether every protected request also looks up the access token's session (`sid`) and refuses
   * it once that session is gone or has ended (signed out, revoked, evicted, past its lifetime).
   * Off, access tokens are checked statelessly and a session's end stops only its refresh: its
   * access token works until it expires. On by default (RFC 7009 §2.1 asks that revoking a
   * refresh token stop its access tokens too); the cost is one session lookup per request.
   */
  checkSessionOnRequests: boolean;
  failNextRefresh: RefreshFailureMode;
}

export type NumericSetting = Exclude<
  keyof ServerSettings,
  'failNextRefresh' | 'checkSessionOnRequests'
>;

/** The label of the session check, in the devtools and in a repair report. */
export const SESSION_CHECK_LABEL = 'Check the session on every request';

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
  checkSessionOnRequests: true,
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

/** What `repairSettings` made of stored settings. */
export interface SettingsRepair {
  settings: ServerSettings;
  /** One sentence per stored value that was refused and replaced by its default. */
  problems: string[];
}

/**
 * Stored settings, one field at a time: a good value is kept, a missing one (nothing stored, or
 * an older version that stored fewer) is the default, and a refused one is the default too and
 * reported. Anything but an object (unreadable text) gives the defaults, reported.
 */
export function repairSettings(stored: unknown): SettingsRepair {
  const settings = { ...DEFAULT_SERVER_SETTINGS };
  if (stored === undefined) return { settings, problems: [] };
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    return { settings, problems: ['Settings: not readable; the defaults are used.'] };
  }
  const candidate = stored as Record<string, unknown>;
  const problems: string[] = [];
  for (const setting of Object.keys(SETTING_LIMITS) as NumericSetting[]) {
    const value = candidate[setting];
    const { label, unit } = SETTING_LIMITS[setting];
    if (checkSetting(setting, value) === null) settings[setting] = value as number;
    else if (value !== undefined)
      problems.push(refused(label, value, `${settings[setting]} ${unit}`));
  }
  const check = candidate['checkSessionOnRequests'];
  if (typeof check === 'boolean') settings.checkSessionOnRequests = check;
  else if (check !== undefined) problems.push(refused(SESSION_CHECK_LABEL, check, 'true'));
  const mode = candidate['failNextRefresh'];
  if (REFRESH_FAILURE_MODES.includes(mode as RefreshFailureMode)) {
    settings.failNextRefresh = mode as RefreshFailureMode;
  } else if (mode !== undefined) {
    problems.push(refused('Next refresh failure', mode, '"none"'));
  }
  return { settings, problems };
}

const refused = (label: string, value: unknown, fallback: string): string =>
  `Settings: ${label.toLowerCase()} was ${JSON.stringify(value)}; the default, ${fallback}, is used.`;

import { NumericSetting, SETTING_LIMITS, checkSetting } from '../../mock-api/server-settings';

/** A field's text read as a number, or the message to show at the field. */
export type ParsedInput = { readonly value: number } | { readonly error: string };

/** One server-setting field of the demo controls. */
export interface SettingField {
  readonly setting: NumericSetting;
  readonly label: string;
  readonly id: string;
  readonly hint: string;
}

export const SERVER_SETTING_FIELDS: readonly SettingField[] = [
  field('accessTokenLifetime', 'Access token lifetime (s)', 'for access tokens issued from now on'),
  field('refreshTokenLifetime', 'Refresh token lifetime (s)', 'for refresh tokens issued from now'),
  field('latency', 'Latency (ms)', 'added to every response'),
  field('reuseGrace', 'Reuse grace (s)', 'a rotated refresh token replayed within it is forgiven'),
  field('clockOffset', 'Server clock offset (s)', 'added to the server’s clock (negative: behind)'),
];

export const MIN_BURST = 1;
/** 200 is the largest burst `npm run bench` fires (issue 7: N = 1, 10, 50, 200). */
export const MAX_BURST = 200;

/** Reads a server-setting field; the message is the server's own rule (`checkSetting`). */
export function parseSettingInput(setting: NumericSetting, text: string): ParsedInput {
  const value = toNumber(text);
  const error = checkSetting(setting, value);
  return error ? { error } : { value };
}

/** Reads the "Number of requests" field. */
export function parseRequestCount(text: string): ParsedInput {
  const value = toNumber(text);
  return Number.isInteger(value) && value >= MIN_BURST && value <= MAX_BURST
    ? { value }
    : { error: `Number of requests must be a whole number from ${MIN_BURST} to ${MAX_BURST}.` };
}

/** Empty text is not zero. */
function toNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

function field(setting: NumericSetting, label: string, applies: string): SettingField {
  const { min, max, unit } = SETTING_LIMITS[setting];
  return {
    setting,
    label,
    id: `devtools-${setting}`,
    hint: `${min}–${max} ${unit}, ${applies}.`,
  };
}

import { parseRequestCount, parseSettingInput, SERVER_SETTING_FIELDS } from './setting-input';

describe('demo control validation', () => {
  it('accepts whole numbers inside the server limits', () => {
    expect(parseSettingInput('accessTokenLifetime', '5')).toEqual({ value: 5 });
    expect(parseSettingInput('refreshTokenLifetime', ' 10 ')).toEqual({ value: 10 });
    expect(parseSettingInput('latency', '0')).toEqual({ value: 0 });
  });

  it('explains the allowed range for a value out of range, a fraction or an empty field', () => {
    const access = 'Access-token lifetime must be a whole number of seconds from 5 to 3600.';
    expect(parseSettingInput('accessTokenLifetime', '4')).toEqual({ error: access });
    expect(parseSettingInput('accessTokenLifetime', '2.5')).toEqual({ error: access });
    expect(parseSettingInput('accessTokenLifetime', '')).toEqual({ error: access });
    expect(parseSettingInput('latency', '5001')).toEqual({
      error: 'Latency must be a whole number of milliseconds from 0 to 5000.',
    });
    expect(parseSettingInput('latency', '   ')).toEqual(
      jasmine.objectContaining({ error: jasmine.any(String) }),
    );
  });

  it('checks the number of parallel requests', () => {
    const error = 'Number of requests must be a whole number from 1 to 200.';
    expect(parseRequestCount('10')).toEqual({ value: 10 });
    expect(parseRequestCount('200')).toEqual({ value: 200 });
    expect(parseRequestCount('0')).toEqual({ error });
    expect(parseRequestCount('201')).toEqual({ error });
    expect(parseRequestCount('1.5')).toEqual({ error });
    expect(parseRequestCount('')).toEqual({ error });
  });

  it('labels the server fields as the issues name them', () => {
    expect(SERVER_SETTING_FIELDS.map((field) => field.label)).toEqual([
      'Access token lifetime (s)',
      'Refresh token lifetime (s)',
      'Latency (ms)',
      'Reuse grace (s)',
      'Server clock offset (s)',
    ]);
    expect(SERVER_SETTING_FIELDS[3].hint).toContain('0–60 s');
    expect(SERVER_SETTING_FIELDS[0].hint).toContain('5–3600 s');
    expect(SERVER_SETTING_FIELDS[4].hint).toContain('-3600–3600 s');
  });
});

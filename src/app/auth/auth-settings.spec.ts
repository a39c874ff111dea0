import { TestBed } from '@angular/core/testing';

import { AUTH_SETTINGS_KEY, AuthSettings, DEFAULT_AUTH_SETTINGS } from './auth-settings';
import { clearAuthStorage } from './testing/auth-testing';

describe('AuthSettings', () => {
  /** A fresh instance, as after a page reload. */
  function load(): AuthSettings {
    TestBed.resetTestingModule();
    return TestBed.inject(AuthSettings);
  }

  beforeEach(() => clearAuthStorage());
  afterAll(() => clearAuthStorage());

  it('starts with proactive refresh on, a 5 s leeway and localStorage', () => {
    expect(load().value()).toEqual(DEFAULT_AUTH_SETTINGS);
    expect(DEFAULT_AUTH_SETTINGS).toEqual({
      proactiveRefresh: true,
      leewaySeconds: 5,
      storageMode: 'local',
    });
  });

  it('persists every change in localStorage auth:settings and reads it back after a reload', () => {
    const settings = load();
    settings.setProactiveRefresh(false);
    settings.setLeewaySeconds(12);
    settings.recordStorageMode('memory');
    expect(JSON.parse(localStorage.getItem(AUTH_SETTINGS_KEY) ?? '{}')).toEqual({
      proactiveRefresh: false,
      leewaySeconds: 12,
      storageMode: 'memory',
    });
    const reloaded = load();
    expect(reloaded.proactiveRefresh()).toBeFalse();
    expect(reloaded.leewaySeconds()).toBe(12);
    expect(reloaded.storageMode()).toBe('memory');
  });

  it('clamps the leeway to whole seconds between 0 and 600 and ignores NaN', () => {
    const settings = load();
    settings.setLeewaySeconds(-3);
    expect(settings.leewaySeconds()).toBe(0);
    settings.setLeewaySeconds(2.6);
    expect(settings.leewaySeconds()).toBe(3);
    settings.setLeewaySeconds(10_000);
    expect(settings.leewaySeconds()).toBe(600);
    settings.setLeewaySeconds(Number.NaN);
    expect(settings.leewaySeconds()).toBe(600);
  });

  it('falls back to the default for each stored field that is invalid', () => {
    localStorage.setItem(
      AUTH_SETTINGS_KEY,
      JSON.stringify({ proactiveRefresh: 'yes', leewaySeconds: 30, storageMode: 'cookie' }),
    );
    expect(load().value()).toEqual({ ...DEFAULT_AUTH_SETTINGS, leewaySeconds: 30 });
  });

  it('reads broken JSON as the defaults without throwing', () => {
    localStorage.setItem(AUTH_SETTINGS_KEY, '{nope');
    expect(load().value()).toEqual(DEFAULT_AUTH_SETTINGS);
  });

  it('reset() restores proactive refresh and leeway but keeps the storage mode', () => {
    const settings = load();
    settings.setProactiveRefresh(false);
    settings.setLeewaySeconds(30);
    settings.recordStorageMode('session');
    settings.reset();
    expect(settings.value()).toEqual({ ...DEFAULT_AUTH_SETTINGS, storageMode: 'session' });
  });
});

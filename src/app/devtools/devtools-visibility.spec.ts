import { TestBed } from '@angular/core/testing';

import { DEVTOOLS_OPEN_KEY, DevtoolsVisibility, WIDE_SCREEN_QUERY } from './devtools-visibility';

describe('DevtoolsVisibility', () => {
  afterEach(() => localStorage.removeItem(DEVTOOLS_OPEN_KEY));

  it('starts open on wide screens and closed on small ones when nothing is stored', () => {
    localStorage.removeItem(DEVTOOLS_OPEN_KEY);
    const visibility = TestBed.inject(DevtoolsVisibility);
    expect(visibility.open()).toBe(matchMedia(WIDE_SCREEN_QUERY).matches);
  });

  it('remembers the choice in localStorage and reads it back', () => {
    localStorage.setItem(DEVTOOLS_OPEN_KEY, 'false');
    const visibility = TestBed.inject(DevtoolsVisibility);
    expect(visibility.open()).toBeFalse();

    visibility.toggle();

    expect(visibility.open()).toBeTrue();
    expect(localStorage.getItem(DEVTOOLS_OPEN_KEY)).toBe('true');
  });

  it('ignores a stored value it does not understand', () => {
    localStorage.setItem(DEVTOOLS_OPEN_KEY, '{garbage');
    expect(TestBed.inject(DevtoolsVisibility).open()).toBe(matchMedia(WIDE_SCREEN_QUERY).matches);
  });
});

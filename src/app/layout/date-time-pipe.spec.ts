import { formatDate } from '@angular/common';
import { LOCALE_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { DateTimePipe } from './date-time-pipe';

describe('DateTimePipe', () => {
  function pipe(locale = 'en-US'): DateTimePipe {
    TestBed.configureTestingModule({
      providers: [DateTimePipe, { provide: LOCALE_ID, useValue: locale }],
    });
    return TestBed.inject(DateTimePipe);
  }

  it("writes the text of Angular's date: 'medium' for ISO strings, epochs and dates", () => {
    const dateTime = pipe();
    const moments = ['2026-11-23T17:58:23.000Z', '2025-01-02T03:04:05Z', '2024-07-31T23:59:59Z'];

    for (const iso of moments) {
      // Angular's locale data puts U+202F before "PM"; Chromium's Intl a plain space.
      const expected = formatDate(iso, 'medium', 'en-US').replace(/\u202f/g, ' ');
      expect(dateTime.transform(iso)).toBe(expected);
      expect(dateTime.transform(Date.parse(iso))).toBe(expected);
      expect(dateTime.transform(new Date(iso))).toBe(expected);
    }
  });

  it('gives null for a missing or unreadable value, so a template can say "never"', () => {
    const dateTime = pipe();

    expect(dateTime.transform(null)).toBeNull();
    expect(dateTime.transform(undefined)).toBeNull();
    expect(dateTime.transform('')).toBeNull();
    expect(dateTime.transform('not a date')).toBeNull();
  });

  it("follows the app's LOCALE_ID", () => {
    const text = pipe('de-DE').transform('2026-11-23T12:00:00Z');

    expect(text).toMatch(/^23\.11\.2026, \d{2}:00:00$/);
  });
});

import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  provideRouter,
  Router,
  withNavigationErrorHandler,
  withRouterConfig,
} from '@angular/router';

import { pageLoadMessage, PageLoadFailure, reportNavigationError } from './page-load-failure';

@Component({ template: '<p>fine</p>', changeDetection: ChangeDetectionStrategy.OnPush })
class FinePage {}

describe('PageLoadFailure', () => {
  const RELOAD =
    /^This page could not be loaded: its code did not arrive\..*Reload to try again\.$/;

  it('explains a page whose code did not arrive, however the browser words it', () => {
    const failures = [
      'Failed to fetch dynamically imported module: https://host/jwt-demo/chunk-AB12.js',
      'Importing a module script failed.',
      'error loading dynamically imported module: https://host/chunk-AB12.js',
    ];

    for (const message of failures) {
      expect(pageLoadMessage(new TypeError(message))).toMatch(RELOAD);
    }
    expect(pageLoadMessage(new Error('guard exploded'))).toBe(
      'This page could not be opened: guard exploded',
    );
  });

  it('records a failed navigation, which resolves false, and clears it on the next one', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            {
              path: 'broken',
              loadComponent: () =>
                Promise.reject(new TypeError('Failed to fetch dynamically imported module: x.js')),
            },
            { path: 'fine', component: FinePage },
          ],
          withNavigationErrorHandler(reportNavigationError),
          withRouterConfig({ resolveNavigationPromiseOnError: true }),
        ),
      ],
    });
    const router = TestBed.inject(Router);
    const failure = TestBed.inject(PageLoadFailure);

    expect(await router.navigateByUrl('/broken')).toBeFalse();
    expect(failure.message()).toMatch(RELOAD);

    expect(await router.navigateByUrl('/fine')).toBeTrue();
    expect(failure.message()).toBeNull();
  });
});

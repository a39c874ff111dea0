/**
 * The bare Angular app that `npm run bench` weighs our production build against: the same
 * Angular version and the same base providers (zoneless, router, HttpClient), one empty
 * standalone component, no pages, no styles, no auth and no in-browser server.
 */
import { provideHttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { provideRouter, RouterOutlet } from '@angular/router';

/** The empty root component: nothing but the router outlet. */
@Component({
  selector: 'app-root',
  imports: [RouterOutlet],
  template: '<router-outlet />',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class BareApp {}

bootstrapApplication(BareApp, {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter([]),
    provideHttpClient(),
  ],
}).catch((err: unknown) => console.error(err));

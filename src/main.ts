/**
 * Entry point: starts the app, unless this page cannot run the in-browser auth server (plain
 * http on a non-localhost host), in which case it shows why instead (see insecure-context.ts).
 */
import { bootstrapApplication } from '@angular/platform-browser';

import { App } from './app/app';
import { appConfig } from './app/app.config';
import {
  findInsecureContextProblem,
  readPageEnvironment,
  showInsecureContextNotice,
} from './insecure-context';

const problem = findInsecureContextProblem(readPageEnvironment(window));
if (problem) {
  showInsecureContextNotice(document, problem);
} else {
  bootstrapApplication(App, appConfig).catch((err: unknown) => console.error(err));
}

import { ChangeDetectionStrategy, Component } from '@angular/core';

import { ActivityViews } from './activity/activity-views';
import { DemoControls } from './demo-controls/demo-controls';
import { TokenInspector } from './token-inspector/token-inspector';

/**
 * What the open Auth devtools panel shows: the token inspector, the HTTP activity (timeline or flow
 * diagram) and the demo controls. `DevtoolsPanel` loads it with `@defer`, so none of it (nor the server knobs
 * it imports) is in the app's first bundle.
 */
@Component({
  selector: 'app-devtools-sections',
  imports: [TokenInspector, ActivityViews, DemoControls],
  template: `
    <section class="devtools-section" aria-label="Token inspector">
      <app-token-inspector />
    </section>
    <section class="devtools-section" aria-label="HTTP activity">
      <app-activity-views />
    </section>
    <section class="devtools-section" aria-label="Demo controls">
      <app-demo-controls />
    </section>
  `,
  styles: `
    :host {
      display: block;
    }

    .devtools-section + .devtools-section {
      margin-top: 1rem;
      padding-top: 0.75rem;
      border-top: 1px solid var(--bs-border-color);
    }

    :host ::ng-deep .devtools-heading {
      font-size: 0.875rem;
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DevtoolsSections {}

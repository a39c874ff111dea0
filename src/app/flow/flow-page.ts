import { ChangeDetectionStrategy, Component } from '@angular/core';

import { FlowView } from '../devtools/flow/flow-view';

/**
 * `/flow`: the Flow diagram of the devtools at the page's full width. Open to everyone, signed in
 * or not: it only draws this tab's own activity log (a sign-in is drawn too).
 */
@Component({
  selector: 'app-flow-page',
  imports: [FlowView],
  template: `
    <h1 class="h3">Flow</h1>
    <p class="text-body-secondary">
      The latest HTTP activity of this tab as a sequence diagram. Use the demo controls in the Auth
      devtools to make something happen.
    </p>
    <app-flow-view [wide]="true" />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export default class FlowPage {}

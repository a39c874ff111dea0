import { ChangeDetectionStrategy, Component, inject } from '@angular/core';

import { ActivityTimeline } from './activity-timeline';
import { DemoControls } from './demo-controls';
import { DevtoolsVisibility } from './devtools-visibility';
import { TokenInspector } from './token-inspector';

/**
 * The Auth devtools: a complementary landmark on every page with the token inspector, the HTTP
 * activity timeline and the demo controls. Collapsible; the open state is remembered. Collapsed,
 * its panels are destroyed (their clock stops) while the activity log keeps recording.
 */
@Component({
  selector: 'app-devtools-panel',
  imports: [TokenInspector, ActivityTimeline, DemoControls],
  templateUrl: './devtools-panel.html',
  styleUrl: './devtools-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DevtoolsPanel {
  readonly #visibility = inject(DevtoolsVisibility);

  protected readonly open = this.#visibility.open;

  protected toggle(): void {
    this.#visibility.toggle();
  }
}

import { ChangeDetectionStrategy, Component, inject } from '@angular/core';

import { DevtoolsSections } from './devtools-sections';
import { DevtoolsVisibility } from './devtools-visibility';

/**
 * The Auth devtools: a complementary landmark on every page with the token inspector, the HTTP
 * activity timeline and the demo controls. Collapsible; the open state is remembered. Collapsed,
 * its panels are destroyed (their clock stops) while the activity log keeps recording.
 *
 * Only the title bar is in the app's first bundle: the sections are loaded with `@defer` when the
 * panel is first open, together with the server knobs they use.
 */
@Component({
  selector: 'app-devtools-panel',
  imports: [DevtoolsSections],
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

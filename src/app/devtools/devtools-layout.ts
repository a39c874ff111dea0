import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';

import { DevtoolsPanel } from './devtools-panel';
import { DevtoolsVisibility } from './devtools-visibility';

/**
 * Places the page (projected) and the Auth devtools: side by side on wide screens while the panel
 * is open, the panel stacked below the page otherwise, so it never covers the page.
 *
 * The panel appears with the first page (`pageShown`): shown earlier, below a page that is still
 * loading, its title bar would jump down when the page arrives (a layout shift).
 */
@Component({
  selector: 'app-devtools-layout',
  imports: [DevtoolsPanel],
  template: `
    <div class="devtools-layout" [class.devtools-open]="open()">
      <div class="devtools-layout-page"><ng-content /></div>
      @if (pageShown()) {
        <app-devtools-panel class="devtools-layout-panel" />
      }
    </div>
  `,
  styles: `
    .devtools-layout {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
    }
    @media (min-width: 992px) {
      .devtools-open {
        grid-template-columns: minmax(0, 1fr) minmax(22rem, 34%);
      }
      .devtools-open .devtools-layout-panel {
        position: sticky;
        top: 0;
        align-self: start;
        max-height: 100vh;
        overflow-y: auto;
        border-left: 1px solid var(--bs-border-color);
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DevtoolsLayout {
  /** Whether the router has shown a page yet. */
  readonly pageShown = input.required<boolean>();

  /** Open, the panel has its column from the start, so the page never narrows under the reader. */
  protected readonly open = inject(DevtoolsVisibility).open;
}

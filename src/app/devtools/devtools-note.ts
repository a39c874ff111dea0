import { ChangeDetectionStrategy, Component } from '@angular/core';

/** The "What is happening here?" disclosure under each devtools panel; its content is projected. */
@Component({
  selector: 'app-devtools-note',
  template: `
    <details class="small mt-2">
      <summary>What is happening here?</summary>
      <div class="mt-1"><ng-content /></div>
    </details>
  `,
  styles: `
    :host ::ng-deep p:last-child {
      margin-bottom: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DevtoolsNote {}

import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

import { FlowArrow } from './flow-layout';
import { flowStepDetails } from './flow-step-details';

/** What the selected arrow was, and the file and function that handled it. */
@Component({
  selector: 'app-flow-details',
  template: `
    <div class="flow-details small" aria-live="polite">
      @if (details(); as details) {
        <p class="fw-bold mb-1">{{ details.title }}</p>
        <dl class="flow-facts mb-1">
          @for (fact of details.facts; track fact.name) {
            <dt>{{ fact.name }}</dt>
            <dd>{{ fact.value }}</dd>
          }
          <dt>Handled in</dt>
          <dd data-testid="flow-code">
            <code>{{ details.code.file }}</code>, <code>{{ details.code.function }}</code>
          </dd>
        </dl>
        <p class="text-body-secondary mb-0">
          README, "Where each step lives": {{ details.code.step }}
        </p>
      } @else {
        <p class="text-body-secondary mb-0">
          Select an arrow (click it, or focus the diagram and use the arrow keys) to see what
          happened and which file and function handled it.
        </p>
      }
    </div>
  `,
  styles: `
    .flow-facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0 0.5rem;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlowDetails {
  readonly arrow = input<FlowArrow | null>(null);

  protected readonly details = computed(() => {
    const arrow = this.arrow();
    return arrow ? flowStepDetails(arrow) : null;
  });
}

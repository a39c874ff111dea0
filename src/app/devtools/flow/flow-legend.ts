import { ChangeDetectionStrategy, Component } from '@angular/core';

/** Colour, shape and word of each outcome, as the diagram draws them. */
@Component({
  selector: 'app-flow-legend',
  template: `
    <ul class="flow-legend small list-unstyled mb-0" aria-label="Legend">
      @for (item of items; track item.outcome) {
        <li>
          <svg width="36" height="10" aria-hidden="true" [attr.data-outcome]="item.outcome">
            <line x1="1" x2="28" y1="5" y2="5" [attr.stroke-dasharray]="item.dash" />
            @if (item.cross) {
              <path d="M 26 1 L 34 9 M 26 9 L 34 1" />
            } @else {
              <polygon points="34,5 27,1 27,9" />
            }
          </svg>
          {{ item.words }}
        </li>
      }
    </ul>
  `,
  styles: `
    .flow-legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      padding: 0;
    }
    line,
    path {
      stroke: var(--flow-colour);
      stroke-width: 2;
    }
    polygon {
      fill: var(--flow-colour);
      stroke: var(--flow-colour);
    }
    [data-outcome='neutral'] {
      --flow-colour: var(--bs-body-color);
    }
    [data-outcome='ok'] {
      --flow-colour: var(--bs-success);
    }
    [data-outcome='unauthorized'] {
      --flow-colour: var(--bs-warning-text-emphasis);
    }
    [data-outcome='unauthorized'] polygon {
      fill: var(--bs-body-bg);
    }
    [data-outcome='failed'] {
      --flow-colour: var(--bs-danger);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FlowLegend {
  protected readonly items = [
    { outcome: 'neutral', dash: null, cross: false, words: 'request: solid line' },
    { outcome: 'ok', dash: '5 3', cross: false, words: 'answer, OK: dashed, filled head' },
    { outcome: 'unauthorized', dash: '5 3', cross: false, words: '401: hollow head' },
    { outcome: 'failed', dash: '5 3', cross: true, words: 'failed or refused: cross' },
  ] as const;
}

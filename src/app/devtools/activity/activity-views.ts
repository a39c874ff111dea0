import { ChangeDetectionStrategy, Component, Injectable, inject, signal } from '@angular/core';

import { FlowView } from '../flow/flow-view';
import { ActivityTimeline } from './activity-timeline';

/** Which view of the HTTP activity is shown; kept while the panel is collapsed. */
@Injectable({ providedIn: 'root' })
export class ActivityViewChoice {
  readonly view = signal<'list' | 'flow'>('list');
}

/** The HTTP activity as the timeline (list) or as the Flow diagram, side by side in one place. */
@Component({
  selector: 'app-activity-views',
  imports: [ActivityTimeline, FlowView],
  template: `
    <fieldset class="d-flex gap-2 mb-2 small">
      <legend class="visually-hidden">Show the HTTP activity as</legend>
      @for (choice of choices; track choice.id) {
        <input
          type="radio"
          class="btn-check"
          name="activity-view"
          [id]="choice.inputId"
          [checked]="view() === choice.id"
          (change)="show(choice.id)"
        />
        <label class="btn btn-sm btn-outline-secondary" [for]="choice.inputId">{{
          choice.label
        }}</label>
      }
    </fieldset>
    @if (view() === 'flow') {
      <app-flow-view />
    } @else {
      <app-activity-timeline />
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ActivityViews {
  protected readonly view = inject(ActivityViewChoice).view;
  protected readonly choices = [
    { id: 'list', inputId: 'activity-view-list', label: 'List' },
    { id: 'flow', inputId: 'activity-view-flow', label: 'Flow' },
  ] as const;

  protected show(view: 'list' | 'flow'): void {
    this.view.set(view);
  }
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A spinner with a sentence, announced politely (`role="status"`): "Loading your todos…". */
@Component({
  selector: 'app-loading-status',
  template: `
    <div class="d-flex align-items-center gap-2" role="status">
      <span class="spinner-border spinner-border-sm" aria-hidden="true"></span>
      {{ text() }}
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadingStatus {
  readonly text = input.required<string>();
}

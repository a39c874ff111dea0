import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * A form's full-width submit button that is disabled with a spinner while `busy`, and tells
 * screen-reader users what is happening (`busyText`) through a status region.
 */
@Component({
  selector: 'app-submit-button',
  template: `
    <button type="submit" class="btn btn-primary w-100" [disabled]="busy()">
      @if (busy()) {
        <span class="spinner-border spinner-border-sm me-2" aria-hidden="true"></span>
      }
      <ng-content />
    </button>
    <div class="visually-hidden" role="status">
      @if (busy()) {
        {{ busyText() }}
      }
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SubmitButton {
  readonly busy = input.required<boolean>();
  readonly busyText = input.required<string>();
}

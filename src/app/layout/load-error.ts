import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/** A load that failed, and the way out: "Could not load your todos: <why>" and **Try again**. */
@Component({
  selector: 'app-load-error',
  template: `
    <div class="alert alert-danger" role="alert">
      <p>Could not load {{ what() }}: {{ error() }}</p>
      <button type="button" class="btn btn-outline-danger btn-sm" (click)="retry.emit()">
        Try again
      </button>
    </div>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadError {
  /** What was being loaded, as the sentence needs it: "your todos", "the users". */
  readonly what = input.required<string>();
  readonly error = input.required<string | null>();
  readonly retry = output();
}

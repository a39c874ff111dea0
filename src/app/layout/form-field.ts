import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/**
 * One labelled form field with its hint and its error text. The projected `<input appFieldState>`
 * (see `field-state.ts`) gets the id, `is-invalid`, `aria-invalid` and `aria-describedby` from it.
 *
 * ```html
 * <app-form-field fieldId="username" label="Username" [hint]="hint" [error]="usernameError()">
 *   <input class="form-control" formControlName="username" appFieldState />
 * </app-form-field>
 * ```
 */
@Component({
  selector: 'app-form-field',
  template: `
    <label [for]="fieldId()" class="form-label">{{ label() }}</label>
    <ng-content />
    @if (hint(); as hint) {
      <div [id]="hintId()" class="form-text">{{ hint }}</div>
    }
    @if (error(); as error) {
      <div [id]="errorId()" class="invalid-feedback d-block">{{ error }}</div>
    }
  `,
  host: { class: 'd-block' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormField {
  readonly fieldId = input.required<string>();
  readonly label = input.required<string>();
  readonly hint = input<string>();
  /** The sentence to show under the field, or null while there is none (see `fieldError`). */
  readonly error = input<string | null>(null);

  readonly invalid = computed(() => this.error() !== null);
  readonly describedBy = computed(() => {
    const ids = [this.hint() ? this.hintId() : null, this.invalid() ? this.errorId() : null];
    return ids.filter((id) => id !== null).join(' ') || null;
  });
  protected readonly hintId = computed(() => `${this.fieldId()}-hint`);
  protected readonly errorId = computed(() => `${this.fieldId()}-error`);
}

import { Directive, inject } from '@angular/core';

import { FormField } from './form-field';

/**
 * Put on the `<input>` inside an `<app-form-field>`: gives it the field's id (so the label points
 * at it) and its state: Bootstrap's `is-invalid` (red border and icon), `aria-invalid`, and
 * `aria-describedby` naming the hint and the error text.
 */
@Directive({
  selector: '[appFieldState]',
  host: {
    '[id]': 'field.fieldId()',
    '[class.is-invalid]': 'field.invalid()',
    '[attr.aria-invalid]': 'field.invalid() ? "true" : null',
    '[attr.aria-describedby]': 'field.describedBy()',
  },
})
export class FieldState {
  protected readonly field = inject(FormField);
}

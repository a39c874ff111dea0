import { Signal, computed } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormGroup, ValidationErrors, ValidatorFn } from '@angular/forms';

/**
 * Inline validation feedback for reactive forms: the sentence to show under a field, as a signal
 * the OnPush templates can read, plus the small helpers every form page shares.
 */

/** The sentence for each validator key of one field. A `server` error carries its own text. */
export type FieldMessages = Readonly<Record<string, string>>;

/**
 * A signal of the error sentence to show under `control`: `null` while it is valid or not yet
 * `shown()`. By default it is shown once the user has left the field, or after a submit attempt
 * (`markAllAsTouched()`). Call it in an injection context (a field initializer).
 */
export function fieldError(
  control: AbstractControl,
  messages: FieldMessages,
  shown: () => boolean = () => control.touched,
): Signal<string | null> {
  const lastEvent = toSignal(control.events, { initialValue: null });
  return computed(() => {
    lastEvent();
    return shown() && control.errors ? errorText(control.errors, messages) : null;
  });
}

/** The first error that has a sentence; `{ server: 'text' }` is shown as it is. */
export function errorText(errors: ValidationErrors, messages: FieldMessages): string {
  const server: unknown = errors['server'];
  if (typeof server === 'string') return server;
  const key = Object.keys(errors).find((candidate) => messages[candidate]);
  return key ? messages[key] : 'Check this value.';
}

/** `required` for text: a value of only spaces counts as empty (the server trims it). */
export const notBlank: ValidatorFn = (control) =>
  typeof control.value === 'string' && control.value.trim() === '' ? { required: true } : null;

/** Moves focus to the first invalid field of `form` inside `host` (matched by formControlName). */
export function focusFirstInvalid(host: HTMLElement, form: FormGroup): void {
  const name = Object.keys(form.controls).find((key) => form.controls[key].invalid);
  if (name) host.querySelector<HTMLElement>(`[formcontrolname="${name}"]`)?.focus();
}

import { AbstractControl, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';

import { CREDENTIAL_RULES as RULES } from '../api-contract';
import { FieldMessages, notBlank } from '../layout/form-feedback';

/**
 * The server's credential rules (`CREDENTIAL_RULES`) as form validators, with the sentence each
 * broken rule shows, so the forms catch what the server would refuse before anything is sent.
 */
export const USERNAME_VALIDATORS: ValidatorFn[] = [
  Validators.required,
  Validators.minLength(RULES.usernameMin),
  Validators.maxLength(RULES.usernameMax),
  Validators.pattern(RULES.usernamePattern),
];
export const USERNAME_MESSAGES: FieldMessages = {
  required: 'Choose a username.',
  minlength: `The username needs at least ${RULES.usernameMin} characters.`,
  maxlength: `The username can have at most ${RULES.usernameMax} characters.`,
  pattern: "Use only lowercase letters a–z, digits 0–9, '.', '_' and '-'.",
};
export const USERNAME_HINT =
  `${RULES.usernameMin}–${RULES.usernameMax} characters: lowercase letters, digits, ` +
  "'.', '_' or '-'.";

export const PASSWORD_VALIDATORS: ValidatorFn[] = [
  Validators.required,
  Validators.minLength(RULES.passwordMin),
  Validators.maxLength(RULES.passwordMax),
];
export const PASSWORD_MESSAGES: FieldMessages = {
  required: 'Choose a password.',
  minlength: `The password needs at least ${RULES.passwordMin} characters.`,
  maxlength: `The password can have at most ${RULES.passwordMax} characters.`,
};
export const PASSWORD_HINT = `At least ${RULES.passwordMin} characters.`;

/** The display name is optional at sign-up; the profile form requires one (`DISPLAY_NAME_REQUIRED`). */
export const DISPLAY_NAME_VALIDATORS: ValidatorFn[] = [Validators.maxLength(RULES.displayNameMax)];
export const DISPLAY_NAME_REQUIRED: ValidatorFn[] = [notBlank, ...DISPLAY_NAME_VALIDATORS];
export const DISPLAY_NAME_HINT =
  'Optional: how the app greets you. Your username is used if you leave it empty.';
export const DISPLAY_NAME_MESSAGES: FieldMessages = {
  required: 'Enter a display name.',
  maxlength: `The display name can have at most ${RULES.displayNameMax} characters.`,
};

/** `{ mismatch: true }` unless the value equals the sibling control `otherName`'s value. */
export function sameAs(otherName: string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const other = control.parent?.get(otherName);
    return !other || other.value === control.value ? null : { mismatch: true };
  };
}
export const CONFIRM_MESSAGES: FieldMessages = {
  required: 'Type the password again.',
  mismatch: 'The passwords do not match.',
};

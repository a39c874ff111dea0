import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';

import { AuthStore } from '../auth/auth-store';
import { HOME_PATH } from '../auth/return-url';
import { httpErrorMessage } from '../http-error-message';
import { FieldState } from '../layout/field-state';
import { FormField } from '../layout/form-field';
import { SubmitButton } from '../layout/submit-button';
import { fieldError, focusFirstInvalid } from '../layout/form-feedback';
import * as rules from './credential-validators';

/**
 * `/register`: creates an account with `AuthStore.register()` (which signs in), then opens the
 * dashboard. The server's rules are checked as the user types; a taken username is shown at its
 * field, any other refusal in an alert.
 */
@Component({
  selector: 'app-register-page',
  imports: [ReactiveFormsModule, RouterLink, FormField, FieldState, SubmitButton],
  templateUrl: './register-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export default class RegisterPage {
  readonly #store = inject(AuthStore);
  readonly #router = inject(Router);
  readonly #host: HTMLElement = inject(ElementRef).nativeElement;

  protected readonly rules = rules;
  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', rules.USERNAME_VALIDATORS],
    displayName: ['', rules.DISPLAY_NAME_VALIDATORS],
    password: ['', rules.PASSWORD_VALIDATORS],
    confirmPassword: ['', [Validators.required, rules.sameAs('password')]],
  });
  readonly #fields = this.form.controls;
  protected readonly usernameError = fieldError(this.#fields.username, rules.USERNAME_MESSAGES);
  protected readonly displayNameError = fieldError(
    this.#fields.displayName,
    rules.DISPLAY_NAME_MESSAGES,
  );
  protected readonly passwordError = fieldError(this.#fields.password, rules.PASSWORD_MESSAGES);
  protected readonly confirmError = fieldError(
    this.#fields.confirmPassword,
    rules.CONFIRM_MESSAGES,
  );
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    this.#fields.password.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.#fields.confirmPassword.updateValueAndValidity());
  }

  protected async register(): Promise<void> {
    if (this.submitting()) return;
    this.form.markAllAsTouched();
    if (this.form.invalid) return focusFirstInvalid(this.#host, this.form);
    const { username, displayName, password } = this.form.getRawValue();
    this.error.set(null);
    this.submitting.set(true);
    try {
      await this.#store.register({
        username,
        password,
        displayName: displayName.trim() || undefined,
      });
      await this.#router.navigateByUrl(HOME_PATH);
    } catch (error) {
      this.#showFailure(error);
    } finally {
      this.submitting.set(false);
    }
  }

  #showFailure(error: unknown): void {
    if (error instanceof HttpErrorResponse && error.status === 409) {
      this.#fields.username.setErrors({ server: httpErrorMessage(error) });
      focusFirstInvalid(this.#host, this.form);
    } else {
      this.error.set(httpErrorMessage(error));
    }
  }
}

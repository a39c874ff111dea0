import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';

import { AuthStore } from '../auth/auth-store';
import { HOME_PATH, safeReturnUrl } from '../auth/return-url';
import { TokenStorage } from '../auth/token-storage';
import { httpErrorMessage } from '../http-error-message';
import { FieldState } from '../layout/field-state';
import { FormField } from '../layout/form-field';
import { SubmitButton } from '../layout/submit-button';
import { fieldError, focusFirstInvalid } from '../layout/form-feedback';
import { DEMO_ACCOUNTS, DemoAccount } from './demo-accounts';

/**
 * `/login`: signs in with `AuthStore.signIn()`, then goes to `returnUrl` (when it is an in-app
 * path) or the dashboard. Shows why the last session ended (`AuthStore.sessionNotice()`), the
 * server's message when sign-in fails, the demo accounts with a button that fills them in, and a
 * note when the browser blocks site data (the session will then not survive a reload).
 */
@Component({
  selector: 'app-login-page',
  imports: [ReactiveFormsModule, RouterLink, FormField, FieldState, SubmitButton],
  templateUrl: './login-page.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export default class LoginPage {
  readonly #store = inject(AuthStore);
  readonly #router = inject(Router);
  readonly #host: HTMLElement = inject(ElementRef).nativeElement;

  /** Where to go after signing in; bound from the query string. */
  readonly returnUrl = input<string>();

  protected readonly demoAccounts = DEMO_ACCOUNTS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    username: ['', Validators.required],
    password: ['', Validators.required],
  });
  protected readonly usernameError = fieldError(this.form.controls.username, {
    required: 'Enter your username.',
  });
  protected readonly passwordError = fieldError(this.form.controls.password, {
    required: 'Enter your password.',
  });
  protected readonly submitting = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly notice = computed(() => this.#store.sessionNotice()?.message ?? null);
  /** The browser refuses site data: the session will be kept in memory only. */
  protected readonly memoryOnly = inject(TokenStorage).memoryOnly;

  /** Fills the form and moves focus to "Sign in", so Enter or Space signs in. */
  protected fillIn(account: DemoAccount): void {
    this.form.setValue({ username: account.username, password: account.password });
    this.error.set(null);
    this.#host.querySelector<HTMLElement>('button[type="submit"]')?.focus();
  }

  protected dismissNotice(): void {
    this.#store.clearSessionNotice();
  }

  protected async signIn(): Promise<void> {
    if (this.submitting()) return;
    this.form.markAllAsTouched();
    if (this.form.invalid) return focusFirstInvalid(this.#host, this.form);
    const { username, password } = this.form.getRawValue();
    this.#store.clearSessionNotice();
    this.error.set(null);
    this.submitting.set(true);
    try {
      await this.#store.signIn(username.trim(), password);
      await this.#router.navigateByUrl(safeReturnUrl(this.returnUrl()) ?? HOME_PATH);
    } catch (error) {
      this.error.set(httpErrorMessage(error));
    } finally {
      this.submitting.set(false);
    }
  }
}

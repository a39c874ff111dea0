import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  OnInit,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { firstValueFrom } from 'rxjs';

import { User } from '../api-contract';
import { AuthStore } from '../auth/auth-store';
import { httpErrorMessage } from '../http-error-message';
import { FieldState } from '../layout/field-state';
import { FormField } from '../layout/form-field';
import { fieldError, focusFirstInvalid } from '../layout/form-feedback';
import { DISPLAY_NAME_MESSAGES, DISPLAY_NAME_REQUIRED } from '../register/credential-validators';
import { ProfileApi } from './profile-api';

/** Edits the display name (`PATCH api/users/me`) and hands the saved user to the store and page. */
@Component({
  selector: 'app-display-name-form',
  imports: [ReactiveFormsModule, FormField, FieldState],
  templateUrl: './display-name-form.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DisplayNameForm implements OnInit {
  readonly #api = inject(ProfileApi);
  readonly #store = inject(AuthStore);
  readonly #host: HTMLElement = inject(ElementRef).nativeElement;

  readonly user = input.required<User>();
  readonly saved = output<User>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', DISPLAY_NAME_REQUIRED],
  });
  protected readonly displayNameError = fieldError(
    this.form.controls.displayName,
    DISPLAY_NAME_MESSAGES,
  );
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly status = signal('');

  ngOnInit(): void {
    this.form.setValue({ displayName: this.user().displayName });
  }

  protected async save(): Promise<void> {
    if (this.saving()) return;
    this.form.markAllAsTouched();
    if (this.form.invalid) return focusFirstInvalid(this.#host, this.form);
    this.error.set(null);
    this.status.set('');
    this.saving.set(true);
    try {
      const displayName = this.form.controls.displayName.value.trim();
      const user = await firstValueFrom(this.#api.updateDisplayName(displayName));
      this.#store.setUser(user);
      this.form.setValue({ displayName: user.displayName });
      this.status.set(`Saved. You are now shown as "${user.displayName}".`);
      this.saved.emit(user);
    } catch (error) {
      this.error.set(httpErrorMessage(error));
    } finally {
      this.saving.set(false);
    }
  }
}

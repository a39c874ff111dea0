import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';

import { DemoServerControls } from '../../mock-api/demo-server-controls';
import { InvalidSettingError, NumericSetting } from '../../mock-api/server-settings';
import { SERVER_SETTING_FIELDS, SettingField, parseSettingInput } from './setting-input';

export const APPLYING = 'Applying…';

type Drafts = Partial<Record<NumericSetting, string>>;
type Errors = Partial<Record<NumericSetting, string>>;

/**
 * The server's token lifetimes and latency. Values are checked with the server's own rules
 * before sending; a refused value gets its message at the field (`aria-describedby`).
 */
@Component({
  selector: 'app-server-settings-form',
  templateUrl: './server-settings-form.html',
  styles: `
    .settings-grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr));
      gap: 0.5rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ServerSettingsForm {
  readonly #controls = inject(DemoServerControls);
  /** What the user typed, per field, until it is applied; otherwise the server's value shows. */
  readonly #drafts = signal<Drafts>({});
  readonly #errors = signal<Errors>({});

  protected readonly status = signal('');
  protected readonly fields = computed(() =>
    SERVER_SETTING_FIELDS.map((field) => {
      const error = this.#errors()[field.setting] ?? null;
      const value =
        this.#drafts()[field.setting] ?? String(this.#controls.settings()[field.setting]);
      const describedBy = `${field.id}-hint${error ? ` ${field.id}-error` : ''}`;
      return { ...field, value, error, describedBy, errorId: `${field.id}-error` };
    }),
  );

  protected edit(field: SettingField, event: Event): void {
    const text = (event.target as HTMLInputElement).value;
    this.#drafts.update((drafts) => ({ ...drafts, [field.setting]: text }));
    this.#errors.update((errors) => ({ ...errors, [field.setting]: undefined }));
  }

  protected async apply(event: Event): Promise<void> {
    event.preventDefault();
    const errors: Errors = {};
    const values: [NumericSetting, number][] = [];
    for (const field of this.fields()) {
      const parsed = parseSettingInput(field.setting, field.value);
      if ('error' in parsed) errors[field.setting] = parsed.error;
      else values.push([field.setting, parsed.value]);
    }
    this.#errors.set(errors);
    if (Object.keys(errors).length) {
      this.status.set('Not applied: check the highlighted fields.');
      return;
    }
    this.status.set(APPLYING);
    try {
      for (const [setting, value] of values) await this.#set(setting, value);
      this.#drafts.set({});
      this.status.set('Applied. Lifetimes count for tokens issued from now on.');
    } catch (error) {
      if (error instanceof InvalidSettingError) {
        this.#errors.set({ [error.setting]: error.message });
        this.status.set('Not applied: check the highlighted fields.');
      } else {
        this.status.set(`Not applied: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  #set(setting: NumericSetting, value: number): Promise<void> {
    if (this.#controls.settings()[setting] === value) return Promise.resolve();
    if (setting === 'accessTokenLifetime') return this.#controls.setAccessTokenLifetime(value);
    if (setting === 'refreshTokenLifetime') return this.#controls.setRefreshTokenLifetime(value);
    if (setting === 'reuseGrace') return this.#controls.setReuseGrace(value);
    if (setting === 'clockOffset') return this.#controls.setClockOffset(value);
    return this.#controls.setLatency(value);
  }
}

import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import { FieldState } from './field-state';
import { FormField } from './form-field';

@Component({
  imports: [FormField, FieldState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <app-form-field fieldId="name" label="Name" hint="Your full name." [error]="error()">
      <input appFieldState />
    </app-form-field>
    <app-form-field fieldId="plain" label="Plain" [error]="error()">
      <div><input appFieldState /></div>
    </app-form-field>
  `,
})
class Host {
  readonly error = signal<string | null>(null);
}

describe('FormField with FieldState', () => {
  it('labels the input and points it at its hint and, when invalid, its error', async () => {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const name = host.querySelector('#name') as HTMLInputElement;
    const plain = host.querySelector('#plain') as HTMLInputElement;

    expect(host.querySelector('label[for="name"]')?.textContent).toBe('Name');
    expect(host.querySelector('#name-hint')?.textContent).toBe('Your full name.');
    expect(name.classList).not.toContain('is-invalid');
    expect(name.hasAttribute('aria-invalid')).toBeFalse();
    expect(name.getAttribute('aria-describedby')).toBe('name-hint');
    expect(plain.hasAttribute('aria-describedby')).toBeFalse();
    expect(host.querySelector('#name-error')).toBeNull();

    fixture.componentInstance.error.set('Too short.');
    await fixture.whenStable();

    expect(host.querySelector('#name-error')?.textContent).toBe('Too short.');
    expect(name.classList).toContain('is-invalid');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toBe('name-hint name-error');
    expect(plain.getAttribute('aria-describedby')).toBe('plain-error');
  });
});

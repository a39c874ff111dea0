import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';

import { errorText, fieldError, focusFirstInvalid, notBlank } from './form-feedback';

describe('form feedback', () => {
  describe('fieldError', () => {
    function watch(shown?: () => boolean) {
      const control = new FormControl('', [Validators.required, Validators.minLength(3)]);
      const error = TestBed.runInInjectionContext(() =>
        fieldError(control, { required: 'Required.', minlength: 'Too short.' }, shown),
      );
      return { control, error };
    }

    it('stays quiet until the field was left, then follows every change', () => {
      const { control, error } = watch();
      expect(error()).toBeNull();

      control.markAsTouched();
      expect(error()).toBe('Required.');
      control.setValue('ab');
      expect(error()).toBe('Too short.');
      control.setValue('abc');
      expect(error()).toBeNull();
    });

    it('shows a server error set on the field, until the value changes', () => {
      const { control, error } = watch();
      control.setValue('taken');
      control.markAsTouched();

      control.setErrors({ server: 'That name is taken.' });
      expect(error()).toBe('That name is taken.');
      control.setValue('other');
      expect(error()).toBeNull();
    });

    it('can wait for another signal of when to show, such as a submit attempt', () => {
      let attempted = false;
      const { control, error } = watch(() => attempted);
      control.markAsTouched();
      expect(error()).toBeNull();

      attempted = true;
      control.setValue('');
      expect(error()).toBe('Required.');
    });
  });

  it('errorText uses the first error that has a sentence', () => {
    expect(errorText({ odd: true, maxlength: {} }, { maxlength: 'Too long.' })).toBe('Too long.');
    expect(errorText({ odd: true }, {})).toBe('Check this value.');
  });

  it('notBlank treats spaces as empty', () => {
    expect(notBlank(new FormControl('  '))).toEqual({ required: true });
    expect(notBlank(new FormControl(' a '))).toBeNull();
  });

  it('focusFirstInvalid focuses the first invalid field in form order', async () => {
    @Component({
      imports: [ReactiveFormsModule],
      changeDetection: ChangeDetectionStrategy.OnPush,
      template: `<form [formGroup]="form">
        <input formControlName="a" /><input formControlName="b" /><input formControlName="c" />
      </form>`,
    })
    class Host {
      readonly form = new FormGroup({
        a: new FormControl('ok'),
        b: new FormControl('', Validators.required),
        c: new FormControl('', Validators.required),
      });
    }
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;

    focusFirstInvalid(host, fixture.componentInstance.form);

    expect(document.activeElement).toBe(host.querySelector('[formcontrolname="b"]'));
  });
});

import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-register-page',
  template: `<h1>Register</h1>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export default class RegisterPage {}

import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-profile-page',
  template: `<h1>Profile</h1>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export default class ProfilePage {}

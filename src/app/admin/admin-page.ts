import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-admin-page',
  template: `<h1>Admin</h1>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export default class AdminPage {}

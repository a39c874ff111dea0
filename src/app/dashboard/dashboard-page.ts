import { ChangeDetectionStrategy, Component } from '@angular/core';

@Component({
  selector: 'app-dashboard-page',
  template: `<h1>Dashboard</h1>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export default class DashboardPage {}

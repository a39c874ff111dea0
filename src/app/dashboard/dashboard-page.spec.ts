import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { API_PATHS } from '../api-contract';
import { AuthTesting, configureAuthTesting, signInWith } from '../auth/testing/auth-testing';
import { query, textOf } from '../layout/testing/dom';
import DashboardPage from './dashboard-page';

describe('DashboardPage', () => {
  let t: AuthTesting;

  beforeEach(() => {
    t = configureAuthTesting([provideRouter([])]);
  });

  it('greets the user by display name and shows the todos and the 403 demo', async () => {
    await signInWith(t);
    const fixture = TestBed.createComponent(DashboardPage);
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;

    expect(textOf(query(page, 'h1'))).toBe('Dashboard');
    expect(textOf(query(page, '.lead'))).toBe('Hello, Demo User!');
    expect(page.querySelector('app-todo-list')).not.toBeNull();
    expect(textOf(page)).toContain('Call the admin API');
    t.httpMock.expectOne(API_PATHS.todos).flush([]);
    t.httpMock.verify();
  });
});

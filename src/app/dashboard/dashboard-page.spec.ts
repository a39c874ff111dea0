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

  it('greets the user by display name and shows the 403 demo, then the todos', async () => {
    await signInWith(t);
    const fixture = TestBed.createComponent(DashboardPage);
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;

    expect(textOf(query(page, 'h1'))).toBe('Dashboard');
    expect(textOf(query(page, '.lead'))).toBe('Hello, Demo User!');
    // The 403 demo first: the todo list, which grows once loaded, has nothing below it to push.
    const sections = Array.from(page.querySelectorAll('app-admin-api-probe, app-todo-list'));
    expect(sections.map((section) => section.localName)).toEqual([
      'app-admin-api-probe',
      'app-todo-list',
    ]);
    expect(textOf(page)).toContain('Call the admin API');
    t.httpMock.expectOne(API_PATHS.todos).flush([]);
    t.httpMock.verify();
  });
});

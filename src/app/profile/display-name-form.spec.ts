import { TestBed } from '@angular/core/testing';

import { API_PATHS } from '../api-contract';
import { AuthTesting, configureAuthTesting, signInWith } from '../auth/testing/auth-testing';
import { TEST_USER } from '../auth/testing/fake-tokens';
import { query, settled, textOf, typeInto } from '../layout/testing/dom';
import { DisplayNameForm } from './display-name-form';

describe('DisplayNameForm', () => {
  let t: AuthTesting;

  beforeEach(async () => {
    t = configureAuthTesting();
    await signInWith(t);
  });

  afterEach(() => t.httpMock.verify());

  async function render() {
    const fixture = TestBed.createComponent(DisplayNameForm);
    fixture.componentRef.setInput('user', TEST_USER);
    const saved = jasmine.createSpy('saved');
    fixture.componentInstance.saved.subscribe(saved);
    await fixture.whenStable();
    const form = fixture.nativeElement as HTMLElement;
    const save = async (value: string) => {
      typeInto(form, '#displayName', value);
      query<HTMLButtonElement>(form, 'button[type="submit"]').click();
      await fixture.whenStable();
    };
    return { fixture, form, save, saved };
  }

  it('starts with the current display name', async () => {
    const { form } = await render();

    expect(textOf(query(form, 'label[for="displayName"]'))).toBe('Display name');
    expect(query<HTMLInputElement>(form, '#displayName').value).toBe('Demo User');
  });

  it('saves a trimmed name, shows it in the navbar store and confirms it', async () => {
    const { fixture, form, save, saved } = await render();

    await save('  Demo Person ');
    const request = t.httpMock.expectOne({ method: 'PATCH', url: API_PATHS.me });
    expect(request.request.body).toEqual({ displayName: 'Demo Person' });
    const updated = { ...TEST_USER, displayName: 'Demo Person' };
    request.flush(updated);
    await settled(fixture);

    expect(t.store.user()?.displayName).toBe('Demo Person');
    expect(saved).toHaveBeenCalledOnceWith(updated);
    expect(textOf(query(form, '[role="status"]'))).toBe(
      'Saved. You are now shown as "Demo Person".',
    );
  });

  it('refuses an empty or too long name before sending', async () => {
    const { save, form } = await render();

    await save('   ');
    expect(textOf(query(form, '#displayName-error'))).toBe('Enter a display name.');
    await save('x'.repeat(65));
    expect(textOf(query(form, '#displayName-error'))).toBe(
      'The display name can have at most 64 characters.',
    );
    t.httpMock.expectNone(API_PATHS.me);
  });

  it("shows the server's refusal and keeps the stored name", async () => {
    const { fixture, form, save, saved } = await render();

    await save('Another');
    t.httpMock
      .expectOne(API_PATHS.me)
      .flush(
        { error: 'invalid_request', message: '"displayName" is too long.' },
        { status: 400, statusText: 'Bad Request' },
      );
    await settled(fixture);

    expect(textOf(query(form, '[role="alert"]'))).toBe(
      'Could not save: "displayName" is too long.',
    );
    expect(t.store.user()?.displayName).toBe('Demo User');
    expect(saved).not.toHaveBeenCalled();
  });
});

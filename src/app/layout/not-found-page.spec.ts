import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import NotFoundPage from './not-found-page';

describe('NotFoundPage', () => {
  it('says the page does not exist and links to the dashboard', async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const fixture = TestBed.createComponent(NotFoundPage);
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;

    expect(page.querySelector('h1')?.textContent).toBe('Page not found');
    expect(page.querySelector('a')?.getAttribute('href')).toBe('/dashboard');
  });
});
